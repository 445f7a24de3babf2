package supportbot.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Locale;

/**
 * The console encoder: the masked text pattern, or with {@code <format>json</format>} (LOG_FORMAT=json in
 * logback.xml) one {@link JsonLogEncoder} object per line. One appender whose format is a setting, because
 * logback without Janino cannot choose between appenders, and warns about every appender left unused.
 */
public class LogFormatEncoder extends PatternLayoutEncoder {
    private final JsonLogEncoder json = new JsonLogEncoder();
    private String format = "text";

    public void setFormat(String format) {
        this.format = format == null ? "text" : format.strip().toLowerCase(Locale.ROOT);
    }

    public boolean isJson() {
        return format.equals("json");
    }

    @Override
    public void start() {
        if (!format.equals("text") && !format.equals("json")) {
            addWarn("LOG_FORMAT '" + format + "' is neither text nor json: writing text");
            format = "text";
        }
        json.setContext(getContext());
        json.start();
        super.start();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return isJson() ? json.encode(event) : super.encode(event);
    }
}

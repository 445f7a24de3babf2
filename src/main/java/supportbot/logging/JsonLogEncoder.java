package supportbot.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import supportbot.safety.PiiMasker;

/**
 * One JSON object per line for log shippers (LOG_FORMAT=json). logback's own JsonEncoder writes the message
 * as logged, so this one exists to put message and exception through {@link PiiMasker} exactly as the text
 * pattern's converters do. MDC entries become top-level fields: the bot puts only hashed conversation ids and
 * ticket numbers there ({@link LogContext}).
 */
public class JsonLogEncoder extends EncoderBase<ILoggingEvent> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private final JsonFactory json = new JsonFactory();
    private ZoneId zone = ZoneId.systemDefault();

    /** For tests and for a deployment that wants UTC whatever the machine's zone. */
    public void setZone(String zone) {
        this.zone = ZoneId.of(zone);
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        var out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("time", TIME.format(Instant.ofEpochMilli(event.getTimeStamp()).atZone(zone)));
            g.writeStringField("level", event.getLevel().toString());
            g.writeStringField("logger", event.getLoggerName());
            g.writeStringField("thread", event.getThreadName());
            for (Map.Entry<String, String> e : event.getMDCPropertyMap().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeStringField("message", PiiMasker.mask(event.getFormattedMessage()));
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                g.writeStringField("exception", PiiMasker.mask(ThrowableProxyUtil.asString(thrown)));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen writing to memory
        }
        out.write('\n');
        return out.toByteArray();
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }
}

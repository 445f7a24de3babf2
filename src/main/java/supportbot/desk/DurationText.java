package supportbot.desk;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration notation of config/desk.yaml: days, hours and minutes, largest first ("15m", "2h", "1d",
 * "1h30m"). A day is 24 hours of clock time, whatever the calendar does; that is what an SLA target means.
 */
final class DurationText {
    static final String HINT = "use 15m, 2h or 1d";
    // Six digits per unit is far more than any desk needs and keeps the arithmetic from overflowing.
    private static final Pattern FORM = Pattern.compile("(?:(\\d{1,6})d)?(?:(\\d{1,6})h)?(?:(\\d{1,6})m)?");

    private DurationText() {
    }

    /** @throws IllegalArgumentException "cannot read '…': use 15m, 2h or 1d" */
    static Duration parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = FORM.matcher(t);
        if (t.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("cannot read '" + text + "': " + HINT);
        }
        return Duration.ofDays(number(m.group(1))).plusHours(number(m.group(2))).plusMinutes(number(m.group(3)));
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}

package supportbot.channel.telegram;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The staff buttons' callback data, parsed strictly: anything else is refused. */
record StaffCallback(String verb, long ticket) {
    private static final Pattern GRAMMAR = Pattern.compile("desk:(claim|claimsend|resolve|reopen|escalate):(\\d{1,12})");

    /** Staff buttons are signed for the staff group: the same data pressed anywhere else is refused. */
    static String scope(long staffChatId) {
        return "telegram-staff:" + staffChatId;
    }

    static String data(String verb, long ticket) {
        return "desk:" + verb + ":" + ticket;
    }

    static boolean looksLikeStaff(String data) {
        return data != null && data.startsWith("desk:");
    }

    static Optional<StaffCallback> parse(String data) {
        Matcher m = data == null ? null : GRAMMAR.matcher(data);
        return m != null && m.matches() ? Optional.of(new StaffCallback(m.group(1), Long.parseLong(m.group(2))))
                : Optional.empty();
    }
}

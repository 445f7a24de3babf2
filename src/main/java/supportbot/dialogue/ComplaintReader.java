package supportbot.dialogue;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import supportbot.dialogue.details.DetailType;
import supportbot.dialogue.details.DetailValue;

/**
 * Finds who and which ticket a complaint names. Only a name or code the staff directory confirms counts as an
 * agent, so a made-up name never lands in the agent field; a ticket number needs a marker ("#1234", "工单 1234",
 * "ticket 1234") because a bare number is as likely an amount, and an order number (订单号) is someone else's.
 */
final class ComplaintReader {
    private static final Pattern TICKET = Pattern.compile(
            "(?i)(?:#|工单号?|(?<![订运])单号|ticket\\s*(?:no\\.?|number|#)?)\\s*[:：#]?\\s*(\\d{3,12})");
    /** Latin names and the six-character codes agents sign with; Chinese text around them is no obstacle. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{1,31}");

    private final StaffDirectory staff;

    ComplaintReader(StaffDirectory staff) {
        this.staff = staff;
    }

    Complaint read(String conversationKey, String text, Map<DetailType, DetailValue> details) {
        DetailValue time = details.get(DetailType.TIME);
        return new Complaint(agent(conversationKey, text).orElse(null), ticket(text), time == null ? null : time.value());
    }

    private Optional<String> agent(String conversationKey, String text) {
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            var found = staff.lookup(conversationKey, m.group());
            if (found.isPresent()) {
                return Optional.of(found.get().name());
            }
        }
        return Optional.empty();
    }

    private static Long ticket(String text) {
        Matcher m = TICKET.matcher(text);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }
}

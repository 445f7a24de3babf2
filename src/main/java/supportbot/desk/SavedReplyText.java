package supportbot.desk;

import supportbot.ticket.Ticket;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import supportbot.dialogue.details.DetailType;

/** Fills a saved reply's variables for one ticket, in the ticket user's language. */
public final class SavedReplyText {
    private static final Pattern VARIABLE = Pattern.compile("\\{(name|ticket|detail\\.[a-z_]+)}");

    private SavedReplyText() {
    }

    /**
     * A variable the ticket has no value for becomes a neutral word ("there", "您") for {@code {name}} — the bot
     * never learns users' names on every platform — and for a detail the words "(not given)", so a reply never
     * goes out with braces in it.
     */
    public static String render(SavedReply reply, Ticket ticket) {
        String lang = ticket.draft().lang().code();
        String text = reply.textIn(lang);
        Matcher m = VARIABLE.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), ticket, lang)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Anything in braces that is not a variable, where a typo would reach the user with its braces: null when none. */
    private static final Pattern BRACED = Pattern.compile("\\{[^{}\\s]{1,40}}");

    public static String unknownVariable(String text) {
        Matcher m = BRACED.matcher(text);
        while (m.find()) {
            String v = m.group();
            Matcher known = VARIABLE.matcher(v);
            if (!known.matches() || (v.startsWith("{detail.")
                    && DetailType.fromKey(v.substring("{detail.".length(), v.length() - 1)).isEmpty())) {
                return v;
            }
        }
        return null;
    }

    /** The keys {@code {detail.KEY}} can name, comma-separated. */
    public static String detailKeys() {
        return java.util.Arrays.stream(DetailType.values()).map(DetailType::key)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String value(String variable, Ticket ticket, String lang) {
        boolean zh = lang.equals("zh");
        if (variable.equals("name")) {
            return zh ? "您" : "there";
        }
        if (variable.equals("ticket")) {
            return "#" + ticket.number();
        }
        String key = variable.substring("detail.".length());
        return DetailType.fromKey(key).map(type -> ticket.draft().details().get(type))
                .map(v -> v.display() != null && !v.display().isBlank() ? v.display() : v.value())
                .orElse(zh ? "（未提供）" : "(not given)");
    }
}

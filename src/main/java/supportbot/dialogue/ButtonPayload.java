package supportbot.dialogue;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The button payloads the engine issues, parsed strictly. Anything else is refused: payloads come back from
 * the client and may be forged or stale.
 */
record ButtonPayload(Kind kind, String arg) {
    enum Kind {
        FAQ_YES, FAQ_NO, FAQ_PICK, FAQ_NONE, REPORT, CATEGORY, HUMAN, CONFIRM, EDIT, EDIT_DETAIL, CANCEL, SKIP, ANSWER, LANG,
        RATE, WEAKEST, FORGET_YES, FORGET_NO, TRANSCRIPT
    }

    private static final Pattern GRAMMAR = Pattern.compile(
            "(faq:yes|faq:no|faq:none|report|human|confirm|edit|cancel|skip|forget:yes|forget:no|transcript)"
                    + "|faq:pick:([a-z0-9][a-z0-9._-]{0,80})"
                    + "|cat:([a-z0-9-]{1,40})"
                    + "|edit:([a-z_]{1,20})"
                    + "|answer:(.{1,60})"
                    + "|lang:(zh|en)"
                    + "|rate:([1-5])"
                    + "|weak:(attitude|speed|clarity|solved)");

    static Optional<ButtonPayload> parse(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        Matcher m = GRAMMAR.matcher(payload);
        if (!m.matches()) {
            return Optional.empty();
        }
        if (m.group(1) != null) {
            return Optional.of(new ButtonPayload(switch (m.group(1)) {
                case "faq:yes" -> Kind.FAQ_YES;
                case "faq:no" -> Kind.FAQ_NO;
                case "faq:none" -> Kind.FAQ_NONE;
                case "report" -> Kind.REPORT;
                case "human" -> Kind.HUMAN;
                case "confirm" -> Kind.CONFIRM;
                case "edit" -> Kind.EDIT;
                case "cancel" -> Kind.CANCEL;
                case "forget:yes" -> Kind.FORGET_YES;
                case "forget:no" -> Kind.FORGET_NO;
                case "transcript" -> Kind.TRANSCRIPT;
                default -> Kind.SKIP;
            }, null));
        }
        if (m.group(2) != null) {
            return Optional.of(new ButtonPayload(Kind.FAQ_PICK, m.group(2)));
        }
        if (m.group(3) != null) {
            return Optional.of(new ButtonPayload(Kind.CATEGORY, m.group(3)));
        }
        if (m.group(4) != null) {
            return Optional.of(new ButtonPayload(Kind.EDIT_DETAIL, m.group(4)));
        }
        if (m.group(5) != null) {
            return Optional.of(new ButtonPayload(Kind.ANSWER, m.group(5)));
        }
        if (m.group(6) != null) {
            return Optional.of(new ButtonPayload(Kind.LANG, m.group(6)));
        }
        if (m.group(7) != null) {
            return Optional.of(new ButtonPayload(Kind.RATE, m.group(7)));
        }
        return Optional.of(new ButtonPayload(Kind.WEAKEST, m.group(8)));
    }
}

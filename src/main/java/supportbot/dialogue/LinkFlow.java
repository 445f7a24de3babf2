package supportbot.dialogue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * /link: a user joins their contacts on two platforms themselves, so agents see one person without guessing.
 * "/link" gives a one-time code; "/link CODE" on the other platform uses it. Nothing changes on a wrong, used or
 * expired code, and the reply says so in both languages (the other platform may not know the user's yet).
 */
final class LinkFlow {
    private final LinkCodes codes;

    LinkFlow(LinkCodes codes) {
        this.codes = codes;
    }

    void handle(TurnContext t, String argument, Instant now) {
        if (codes == LinkCodes.NONE) {
            t.sayKey("link.unavailable");
            return;
        }
        if (t.in.publicPlace()) {
            // Whoever reads a code can join their own account to this user's: only in a private chat.
            t.sayKey("link.private");
            return;
        }
        String contact = ContactKey.of(t.c.channel, t.in.userId(), t.c.key);
        if (argument.isBlank()) {
            String code = codes.newCode();
            Instant expires = now.plus(LinkCodes.VALID_FOR);
            t.act(new Action.IssueLinkCode(code, contact, t.c.channel, t.c.key, expires));
            t.sayKey("link.code", Map.of("code", code, "minutes", LinkCodes.VALID_FOR.toMinutes()), java.util.List.of());
            return;
        }
        Optional<String> code = LinkCodeText.normal(argument);
        Optional<LinkCodes.Pending> pending = code.flatMap(codes::find).filter(p -> now.isBefore(p.expiresAt()));
        if (pending.isEmpty()) {
            t.sayKey("link.wrong");
            return;
        }
        if (pending.get().contact().equals(contact)) {
            t.sayKey("link.same");
            return;
        }
        if (codes.samePerson(pending.get().contact(), contact)) {
            t.act(new Action.RedeemLinkCode(code.get(), contact, t.c.channel, t.c.key, now)); // used up all the same
            t.sayKey("link.already");
            return;
        }
        t.act(new Action.RedeemLinkCode(code.get(), contact, t.c.channel, t.c.key, now));
        t.sayKey("link.done", Map.of("platform", t.text("platform." + platform(pending.get().channel()))),
                java.util.List.of());
    }

    /** The platforms users are told about; any other channel reads as the web chat. */
    private static String platform(String channel) {
        return switch (channel) {
            case "telegram", "discord" -> channel;
            default -> "web";
        };
    }
}

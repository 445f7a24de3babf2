package supportbot.channel.discord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import supportbot.safety.Signer;

/**
 * The engine's buttons as Discord components, with custom ids signed for the conversation they are shown in:
 * a forged id, or one copied from another user's message, does nothing. Up to five choices are buttons; more
 * (categories, devices) become one select menu.
 */
final class DiscordComponents {
    private static final int MAX_CUSTOM_ID = 100;
    private static final int MAX_RAW_PAYLOAD = MAX_CUSTOM_ID - 12;
    private static final String HASHED = "h:";
    static final String SELECT_ID = "choose";

    private final Signer signer;

    DiscordComponents(Signer signer) {
        this.signer = signer;
    }

    List<ActionRow> of(String conversationKey, List<supportbot.dialogue.Button> buttons) {
        if (buttons.isEmpty()) {
            return List.of();
        }
        if (buttons.size() > 5) {
            var menu = StringSelectMenu.create(sign(conversationKey, SELECT_ID));
            for (var b : buttons.subList(0, Math.min(25, buttons.size()))) {
                menu.addOption(DiscordText.clip(b.label(), 100), sign(conversationKey, b.payload()));
            }
            return List.of(ActionRow.of(menu.build()));
        }
        var row = new ArrayList<Button>();
        for (var b : buttons) {
            row.add(Button.secondary(sign(conversationKey, b.payload()), DiscordText.clip(b.label(), 80)));
        }
        return List.of(ActionRow.of(row));
    }

    String sign(String scope, String payload) {
        String data = payload.getBytes(StandardCharsets.UTF_8).length <= MAX_RAW_PAYLOAD ? payload : HASHED + hash(payload);
        return signer.sign(scope, data);
    }

    /** The payload behind a pressed id, if its signature is right for this conversation. */
    Optional<String> payloadOf(String scope, String signedId, List<supportbot.dialogue.Button> shown) {
        Optional<String> data = signer.verify(scope, signedId);
        if (data.isEmpty() || !data.get().startsWith(HASHED)) {
            return data;
        }
        String h = data.get().substring(HASHED.length());
        return shown.stream().map(supportbot.dialogue.Button::payload).filter(p -> hash(p).equals(h)).findFirst();
    }

    private static String hash(String payload) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

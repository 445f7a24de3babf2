package supportbot.channel.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import supportbot.safety.SignedPayloads;
import supportbot.safety.Signer;

/**
 * The engine's buttons as Discord components, with custom ids signed for the conversation they are shown in:
 * a forged id, or one copied from another user's message, does nothing. Up to five choices are buttons; more
 * (categories, devices) become one select menu.
 */
final class DiscordComponents {
    private static final int MAX_CUSTOM_ID = 100;
    static final String SELECT_ID = "choose";

    /** Labels up to this long (stars, "📄 Transcript") fit two rows of buttons; longer lists become a menu. */
    private static final int SHORT_LABEL = 14;
    private final SignedPayloads payloads;

    DiscordComponents(Signer signer) {
        this.payloads = new SignedPayloads(signer, MAX_CUSTOM_ID);
    }

    List<ActionRow> of(String conversationKey, List<supportbot.dialogue.Button> buttons) {
        if (buttons.isEmpty()) {
            return List.of();
        }
        boolean shortLabels = buttons.stream().allMatch(b -> b.label().codePointCount(0, b.label().length()) <= SHORT_LABEL);
        if (buttons.size() > 5 && buttons.size() <= 10 && shortLabels) {
            // Stars and a transcript button, say: two rows of buttons read better than a menu.
            var rows = new ArrayList<ActionRow>();
            for (int from = 0; from < buttons.size(); from += 5) {
                var row = new ArrayList<Button>();
                for (var b : buttons.subList(from, Math.min(buttons.size(), from + 5))) {
                    row.add(Button.secondary(sign(conversationKey, b.payload()), DiscordText.clip(b.label(), 80)));
                }
                rows.add(ActionRow.of(row));
            }
            return rows;
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
        return payloads.encode(scope, payload);
    }

    /** The payload behind a pressed id, if its signature is right for this conversation. */
    Optional<String> payloadOf(String scope, String signedId, List<supportbot.dialogue.Button> shown) {
        return payloads.decode(scope, signedId, shown.stream().map(supportbot.dialogue.Button::payload).toList());
    }
}

package supportbot.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import supportbot.dialogue.Button;
import supportbot.dialogue.DialogueEngine;

/**
 * The engine's buttons as Telegram inline keyboards. Callback data is signed for the chat it is shown in, so
 * data made up by a client, or a button from another chat, is refused. Telegram caps callback data at 64
 * bytes, so a longer payload travels as a hash that is looked up among the buttons the conversation was last
 * shown.
 */
final class Keyboards {
    static final int MAX_CALLBACK_BYTES = 64;

    private final supportbot.safety.SignedPayloads payloads;

    Keyboards(supportbot.safety.Signer signer) {
        this.payloads = new supportbot.safety.SignedPayloads(signer, MAX_CALLBACK_BYTES);
    }

    static String scope(long chatId) {
        return "telegram:" + chatId;
    }

    /** @param privateChatLink where the "continue privately" button leads (t.me link to the bot) */
    InlineKeyboardMarkup of(long chatId, List<Button> buttons, String privateChatLink) {
        if (buttons.isEmpty()) {
            return null;
        }
        var rows = new ArrayList<InlineKeyboardRow>();
        boolean compact = buttons.stream().allMatch(b -> b.label().codePointCount(0, b.label().length()) <= 6);
        var row = new InlineKeyboardRow();
        for (Button b : buttons) {
            var button = DialogueEngine.PRIVATE_CHAT_PAYLOAD.equals(b.payload())
                    ? InlineKeyboardButton.builder().text(b.label()).url(privateChatLink).build()
                    : InlineKeyboardButton.builder().text(b.label()).callbackData(callbackData(chatId, b.payload())).build();
            row.add(button);
            if (!compact || row.size() == 5) {
                rows.add(row);
                row = new InlineKeyboardRow();
            }
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    String callbackData(long chatId, String payload) {
        return payloads.encode(scope(chatId), payload);
    }

    /**
     * The payload a pressed button stands for, given the buttons the conversation shows now; empty when the
     * signature is wrong for this chat (forged or copied) or a hashed payload is no longer shown.
     */
    Optional<String> payloadOf(long chatId, String callbackData, List<Button> shown) {
        return payloads.decode(scope(chatId), callbackData, shown.stream().map(Button::payload).toList());
    }
}

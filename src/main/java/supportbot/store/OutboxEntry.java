package supportbot.store;

import java.util.List;
import supportbot.dialogue.Button;

/** A message committed for delivery but not yet confirmed sent by its channel. */
public record OutboxEntry(long id, String channel, String conversationKey, String text, List<Button> buttons) {
    public OutboxEntry {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }
}

package supportbot.store;

import java.util.List;
import supportbot.dialogue.Button;

/**
 * A message committed for delivery but not yet confirmed sent by its channel.
 *
 * @param kind      null for a message; {@link #EXPORT} for the user's data export, built when it is sent, with
 *                  {@code text} as its caption
 * @param partsSent of a reply too long for one platform message, how many parts went out already: stored so
 *                  that a restart continues after them instead of repeating them
 * @param attachments files an agent sent with the message (sealed under the user's conversation), sent after
 *                    its text
 */
public record OutboxEntry(long id, String channel, String conversationKey, String text, List<Button> buttons,
                          String kind, int partsSent, List<supportbot.dialogue.Attachment> attachments) {
    public static final String EXPORT = "export";
    /** The conversation's transcript as a text file, built when it is sent, with {@code text} as its caption. */
    public static final String TRANSCRIPT = "transcript";

    public OutboxEntry {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public OutboxEntry(long id, String channel, String conversationKey, String text, List<Button> buttons, String kind,
                       int partsSent) {
        this(id, channel, conversationKey, text, buttons, kind, partsSent, List.of());
    }

    public OutboxEntry(long id, String channel, String conversationKey, String text, List<Button> buttons) {
        this(id, channel, conversationKey, text, buttons, null, 0);
    }

    public OutboxEntry(long id, String channel, String conversationKey, String text, List<Button> buttons, String kind) {
        this(id, channel, conversationKey, text, buttons, kind, 0);
    }

    public OutboxEntry withPartsSent(int parts) {
        return new OutboxEntry(id, channel, conversationKey, text, buttons, kind, parts, attachments);
    }

    public boolean isExport() {
        return EXPORT.equals(kind);
    }

    public boolean isTranscript() {
        return TRANSCRIPT.equals(kind);
    }
}

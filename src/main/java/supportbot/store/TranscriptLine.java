package supportbot.store;

import java.time.Instant;
import java.util.List;
import supportbot.dialogue.Attachment;
import supportbot.dialogue.Button;

/**
 * One line of a conversation as everybody later sees it: the web chat replays these, agents read them.
 *
 * @param seq  1-based, in order of the conversation
 * @param from "user", "bot" or "agent"
 * @param by   for an agent's line, who wrote it with their verification code ("alice (K7QX2M)"); else null
 */
public record TranscriptLine(long seq, String from, String text, List<Button> buttons, List<Attachment> attachments,
                             Instant time, String by) {
    public TranscriptLine {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public TranscriptLine(long seq, String from, String text, List<Button> buttons, List<Attachment> attachments,
                          Instant time) {
        this(seq, from, text, buttons, attachments, time, null);
    }
}

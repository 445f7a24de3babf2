package supportbot.ticket;

import java.time.Instant;
import java.util.List;
import supportbot.dialogue.Attachment;

/**
 * One thing that happened to a ticket, kept forever: the history a supervisor reads on escalation.
 *
 * @param actor "user", "bot", or an agent's name
 * @param type  opened, user-message, claimed, reply, note, resolved, reopened, escalated, transferred
 */
public record TicketEvent(Instant at, String actor, String type, String text, List<Attachment> attachments) {
    public TicketEvent {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public TicketEvent(Instant at, String actor, String type, String text) {
        this(at, actor, type, text, List.of());
    }
}

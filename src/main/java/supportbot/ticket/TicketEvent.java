package supportbot.ticket;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import supportbot.dialogue.Attachment;

/**
 * One thing that happened to a ticket, kept forever: the history a supervisor reads on escalation.
 *
 * @param actor "user", "bot", or an agent's name
 * @param type  what happened
 */
public record TicketEvent(Instant at, String actor, Type type, String text, List<Attachment> attachments) {
    public TicketEvent {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public TicketEvent(Instant at, String actor, Type type, String text) {
        this(at, actor, type, text, List.of());
    }

    /**
     * The kinds of ticket event. Each is stored, and sent to the desk's pages, as its label, the string it was
     * before it became an enum, so tickets written before and after read back the same.
     */
    public enum Type {
        OPENED, USER_MESSAGE, DETAIL, RATING, CLAIMED, ASSIGNED, TRANSFERRED, REPLY, NOTE, ASKED, ASSIST, PRIORITY,
        LABELLED, UNLABELLED, ESCALATED, RESOLVED, REOPENED, MERGED, MERGED_IN, SLA_BREACH, FOLLOW_UP, REMINDER,
        AUTO_CLOSED, ALERT, BANNED, UNBANNED, ERASED, USER_DELETED, REPLY_EDITED, REPLY_DELETED,
        /** An agent linked the ticket's user to another contact of the same person; the text names which. */
        LINKED, UNLINKED,
        /** Read from older data only; nothing writes it now. */
        CLOSED;

        private final String label = name().toLowerCase(Locale.ROOT).replace('_', '-');

        /** The stored form: "user-message", "sla-breach", … */
        @JsonValue
        public String label() {
            return label;
        }

        @JsonCreator
        public static Type ofLabel(String label) {
            for (Type t : values()) {
                if (t.label.equals(label)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown ticket event type '" + label + "'");
        }
    }
}

package supportbot.dialogue;

import java.time.Instant;

/**
 * Something the desk did that the user must hear about. It goes through the same inbox lane as the user's
 * own messages, so the conversation sees it in order and the state it changes stays the engine's.
 */
public record DeskEvent(String channel, String conversationKey, long ticketNumber, Kind kind, String agent, String text,
                        Instant time, TicketDirectory.QueueInfo queue, java.util.List<Attachment> attachments) {
    public enum Kind {
        AGENT_REPLY, RESOLVED, REOPENED, ESCALATED,
        /** A service-level target was missed: apologise and give the new place in the (supervisor) queue. */
        SLA_BREACH,
        /** Nothing happened for a while: still queued, here is where you stand. */
        FOLLOW_UP,
        /** The agent is waiting for the user's answer. */
        REMINDER,
        /** No answer from the user for too long; writing again reopens it. */
        AUTO_CLOSED,
        /** The agent needs one more detail (text = the detail's key); the bot asks and validates it. */
        ASK_DETAIL,
        /** The user's ticket {@code text} (a number) was a duplicate, now merged into {@code ticketNumber}. */
        MERGED
    }

    public DeskEvent {
        attachments = attachments == null ? java.util.List.of() : java.util.List.copyOf(attachments);
    }

    public DeskEvent(String channel, String conversationKey, long ticketNumber, Kind kind, String agent, String text,
                     Instant time, TicketDirectory.QueueInfo queue) {
        this(channel, conversationKey, ticketNumber, kind, agent, text, time, queue, java.util.List.of());
    }

    public DeskEvent(String channel, String conversationKey, long ticketNumber, Kind kind, String agent, String text,
                     Instant time) {
        this(channel, conversationKey, ticketNumber, kind, agent, text, time, null);
    }
}

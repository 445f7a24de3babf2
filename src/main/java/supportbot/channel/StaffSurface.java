package supportbot.channel;

import java.util.List;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.dialogue.Attachment;

/**
 * Where agents see tickets in a chat app: one place (forum topic, thread) per ticket, opened with a summary
 * card, then a line per event. {@link StaffFeed} decides what to post and remembers what was posted; a
 * surface only talks to its platform. Any method may throw {@link SendFailure}: a temporary one is retried,
 * a permanent one skips the ticket.
 */
public interface StaffSurface {
    /** Names this surface's records in the store, e.g. "telegram-staff". */
    String name();

    /** @return the new place's id (topic thread id, thread channel id) */
    long openPlace(Ticket ticket) throws SendFailure;

    /** @return the card's message id */
    long postCard(long place, Ticket ticket) throws SendFailure;

    void postFiles(long place, List<Attachment> files, String caption) throws SendFailure;

    /** One event as a line in the place; events the card already shows may post nothing. */
    void postEvent(long place, Ticket ticket, TicketEvent event) throws SendFailure;

    /**
     * {@link #postEvent} that returns the ids of the messages it posted, so that a line later found to hold a
     * secret (a recovery phrase sent in pieces) can be redacted. Surfaces that cannot redact keep the default.
     */
    default List<Long> relayEvent(long place, Ticket ticket, TicketEvent event) throws SendFailure {
        postEvent(place, ticket, event);
        return List.of();
    }

    /** Replaces the messages a {@link #relayEvent} posted with the event as it reads now (redacted). */
    default void redactEvent(long place, List<Long> messageIds, Ticket ticket, TicketEvent event) throws SendFailure {
    }

    void updateCard(long place, long card, Ticket ticket) throws SendFailure;

    /** The conversation as a text file, kept in the place when the ticket is resolved. */
    default void postTranscript(long place, Ticket ticket, byte[] transcript) throws SendFailure {
    }

    /** The ticket reached the supervisor tier (escalation, complaint, missed SLA). */
    void alertSupervisors(Ticket ticket, TicketEvent why, long place) throws SendFailure;
}

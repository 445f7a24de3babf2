package supportbot.dialogue;

import java.util.Optional;

/** Ticket numbers and status, as far as the engine needs them (the desk owns the tickets). */
public interface TicketDirectory {
    /** Reserves the next ticket number. */
    long nextNumber();

    Optional<TicketStatus> status(long number);

    /** Where a new (or waiting) ticket of this priority stands: what the user is told on handoff. */
    QueueInfo queueFor(int priority);

    /**
     * @param position    1-based place in the queue of its tier
     * @param eta         expected wait for an agent
     * @param deskOpen    whether agents are on duty now
     * @param nextOpening when they are next on duty (now if open)
     */
    record QueueInfo(int position, java.time.Duration eta, boolean deskOpen, java.time.Instant nextOpening) {
    }

    /** @param status a short, user-presentable state, e.g. "queued", "assigned", "resolved" */
    record TicketStatus(long number, String categoryId, String status) {
    }
}

package supportbot.dialogue;

import java.util.Optional;

/** Ticket numbers and status, as far as the engine needs them (the desk owns the tickets). */
public interface TicketDirectory {
    /** Reserves the next ticket number. */
    long nextNumber();

    Optional<TicketStatus> status(long number);

    /** @param status a short, user-presentable state, e.g. "queued", "assigned", "resolved" */
    record TicketStatus(long number, String categoryId, String status) {
    }
}

package supportbot.store;

import java.util.List;

/**
 * Tickets (sealed, by number) with the columns the desk filters on kept beside them in the clear, so listing
 * open tickets does not open every one; and the feed of ticket changes staff surfaces follow.
 */
public interface TicketRepository extends SealedRecords {
    /** Reads a ticket and keeps others from changing it until the transaction ends (a no-op lock in one process). */
    default java.util.Optional<byte[]> getForUpdate(long number) {
        return get(number);
    }

    /** The next ticket number from the database, or empty where the caller counts (one process). */
    default java.util.OptionalLong nextNumber() {
        return java.util.OptionalLong.empty();
    }

    /** What may be known of a ticket without opening it; no personal data. */
    record Columns(String status, boolean open, String assignee, String category, String conversationKey) {
    }

    /** Saves a ticket with its columns ({@link #put} alone, for re-sealing, keeps them). */
    void save(long number, byte[] sealed, Columns columns);

    /** Numbers of the tickets that are not resolved or closed, smallest first. */
    List<Long> openNumbers();

    /** Conversations that have an open ticket. */
    java.util.Set<String> conversationsWithOpenTickets();

    /** Appends to the feed: {@code number} changed, as change {@code seq}. */
    void feedAppend(long seq, long number);

    /** Changes after {@code afterSeq}, as (seq, number), oldest first. */
    List<long[]> feedAfter(long afterSeq, int max);

    /** Drops the feed's changes up to {@code seq}. */
    void feedTrim(long seq);
}

package supportbot.store;

/**
 * Messages committed for delivery ({@link #pending()}) and those no retry can deliver ({@link #parked()}),
 * kept with their reason, never dropped.
 */
public interface OutboxRepository {
    SealedRecords pending();

    SealedRecords parked();

    /** A new pending entry, labelled with where it goes so instances can claim by conversation and channel. */
    default void add(long id, String channel, String conversationKey, byte[] sealed) {
        pending().put(id, sealed);
    }

    /**
     * Pending entries this claimant may send now, oldest first. A shared adapter hands whole conversations (at
     * most {@code max} of them) to one claimant at a time until {@code lease} runs out (claiming again renews it),
     * only for {@code channels}, and never a later entry of a conversation whose earlier one another claimant
     * holds. A single-process adapter returns the first {@code max} pending entries.
     */
    default java.util.List<byte[]> claim(String claimant, java.util.Collection<String> channels, int max,
                                         java.time.Duration lease) {
        return pending().first(max);
    }

    /** Extends the lease on everything {@code claimant} holds. */
    default void renew(String claimant, java.time.Duration lease) {
    }

    /** Gives back what {@code claimant} holds (a clean stop), so another instance sends it without waiting. */
    default void release(String claimant) {
    }

    /** Ids of pending entries without routing labels (written before they existed). */
    default java.util.List<Long> unlabelled() {
        return java.util.List.of();
    }

    default void label(long id, String channel, String conversationKey) {
    }
}

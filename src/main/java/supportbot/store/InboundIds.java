package supportbot.store;

/**
 * Platform message ids already handled, per conversation, kept in the turn's transaction under a unique key: a
 * delivery of the same message to another instance finds the id and is dropped.
 */
public interface InboundIds {
    /** @return false when the id was recorded already (a duplicate delivery) */
    boolean add(String conversationKey, String messageId, java.time.Instant at);

    /** What a turn's check found. */
    enum Turn { CURRENT, CHANGED, DUPLICATE }

    /**
     * A turn's check in one round trip, under its conversation's lock: the conversation is still at
     * {@code versionRead} (any version when negative), and then {@code messageId} (when not null) is recorded,
     * unless it was already. Nothing is written unless the answer is {@link Turn#CURRENT}.
     */
    Turn checkTurn(String conversationKey, long versionRead, String messageId, java.time.Instant at);

    /** Forgets ids recorded before {@code before} (platforms stop redelivering long before). */
    int removeBefore(java.time.Instant before);
}

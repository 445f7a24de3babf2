package supportbot.store;

import java.util.Optional;

/**
 * One data key per conversation. Destroying it makes everything it sealed unreadable, wherever copies are
 * left (crypto-shredding). Only the committing thread makes or destroys keys.
 */
public interface KeyVault {
    /** The conversation's key id, made on first use. */
    long idFor(String conversationKey);

    Optional<Long> currentId(String conversationKey);

    /** Empty once destroyed. */
    Optional<byte[]> key(long id);

    /** After this the conversation gets a new key on its next write. */
    void destroy(String conversationKey);

    /** Every conversation's current key id (for copying a store). */
    java.util.Map<String, Long> currentIds();

    /**
     * Takes over a key from another store under the same id, since sealed values name their key's id.
     *
     * @throws UnsupportedOperationException where ids cannot be chosen (MapDB's record ids)
     */
    void adopt(String conversationKey, long id, byte[] key);
}

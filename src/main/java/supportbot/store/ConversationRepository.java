package supportbot.store;

import java.util.List;
import java.util.Optional;

/** Each conversation's state (with the platform message ids it saw), sealed, by conversation key. */
public interface ConversationRepository {
    Optional<byte[]> get(String key);

    /** A stored value with the version it had: any write of the conversation changes the version. */
    record Versioned(byte[] value, long version) {
    }

    /** Version of an absent conversation. */
    long ABSENT = 0;

    /** The value and its version, read together. */
    default Optional<Versioned> getVersioned(String key) {
        return get(key).map(v -> new Versioned(v, fingerprint(v)));
    }

    /** Writes the value and returns its new version. */
    default long putVersioned(String key, byte[] sealed) {
        put(key, sealed);
        return fingerprint(sealed);
    }

    /** The current version, {@link #ABSENT} when there is none. */
    default long version(String key) {
        return get(key).map(ConversationRepository::fingerprint).orElse(ABSENT);
    }

    /**
     * For an adapter without a version column: the value's hash stands in (a sealed value differs on every
     * write, as its nonce does).
     */
    static long fingerprint(byte[] value) {
        long h = com.google.common.hash.Hashing.murmur3_128().hashBytes(value).asLong();
        return h == ABSENT ? 1 : h;
    }

    boolean contains(String key);

    void put(String key, byte[] sealed);

    void remove(String key);

    long count();

    List<String> keys();
}

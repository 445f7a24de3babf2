package supportbot.store;

import java.nio.ByteBuffer;
import java.util.Optional;
import supportbot.crypto.AesGcm;

/**
 * Seals stored values under their conversation's key: a version byte, the key's id, then AES-GCM. A value
 * not starting with the version byte is plain JSON written before encryption existed (JSON never starts
 * with 0x01) and reads as it is, so old data files open; it is sealed when next rewritten.
 */
final class Sealer {
    private static final byte VERSION = 1;
    private static final int HEADER = 1 + Long.BYTES;

    private final KeyVault keys;
    private final boolean enabled;

    Sealer(KeyVault keys, boolean enabled) {
        this.keys = keys;
        this.enabled = enabled;
    }

    /** Commit thread only: it may make the conversation's key. */
    byte[] seal(String conversationKey, byte[] plain) {
        if (!enabled || conversationKey == null) {
            return plain;
        }
        long id = keys.idFor(conversationKey);
        byte[] key = keys.key(id).orElseThrow();
        byte[] out = AesGcm.seal(key, plain, aad(id), HEADER);
        out[0] = VERSION;
        ByteBuffer.wrap(out, 1, Long.BYTES).putLong(id);
        return out;
    }

    /** The plain bytes; empty when the key that sealed them was destroyed (the value reads as erased). */
    Optional<byte[]> open(byte[] stored) {
        if (!isSealed(stored)) {
            return Optional.of(stored);
        }
        long id = keyId(stored);
        return keys.key(id).flatMap(key -> AesGcm.open(key, stored, HEADER, aad(id)));
    }

    static boolean isSealed(byte[] stored) {
        return stored.length > HEADER && stored[0] == VERSION;
    }

    /** The id of the key that sealed {@code stored}; only for sealed values. */
    static long keyId(byte[] stored) {
        return ByteBuffer.wrap(stored, 1, Long.BYTES).getLong();
    }

    /** The header is authenticated with the ciphertext: pointing a value at another key fails to open. */
    private static byte[] aad(long id) {
        return ByteBuffer.allocate(Long.BYTES).putLong(id).array();
    }
}

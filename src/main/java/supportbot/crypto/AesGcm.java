package supportbot.crypto;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM from the JDK, with a fresh random nonce per message stored in front of the ciphertext. Random
 * nonces are safe here because one key seals far fewer than 2^32 messages (one conversation's records).
 */
public final class AesGcm {
    public static final int KEY_BYTES = 32;
    public static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Nonce and tag: what sealing adds to a message. */
    public static final int OVERHEAD = NONCE_BYTES + TAG_BITS / 8;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no AES-GCM", e);
        }
    });

    private AesGcm() {
    }

    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** @return nonce followed by ciphertext and tag, after {@code prefix} bytes the caller fills in */
    public static byte[] seal(byte[] key, byte[] plain, byte[] aad, int prefix) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = CIPHER.get();
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad);
            byte[] out = new byte[prefix + NONCE_BYTES + c.getOutputSize(plain.length)];
            System.arraycopy(nonce, 0, out, prefix, NONCE_BYTES);
            c.doFinal(plain, 0, plain.length, out, prefix + NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    /** Empty when the key is not the one that sealed it or the bytes were altered. */
    public static Optional<byte[]> open(byte[] key, byte[] sealed, int offset, byte[] aad) {
        if (sealed.length - offset < OVERHEAD) {
            return Optional.empty();
        }
        try {
            Cipher c = CIPHER.get();
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, offset, offset + NONCE_BYTES)));
            c.updateAAD(aad);
            return Optional.of(c.doFinal(sealed, offset + NONCE_BYTES, sealed.length - offset - NONCE_BYTES));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM opening failed", e);
        }
    }
}

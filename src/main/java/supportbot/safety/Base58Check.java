package supportbot.safety;

import java.security.MessageDigest;
import java.util.Arrays;

/** Bitcoin Base58 decoding with the Base58Check (double SHA-256) checksum. Stateless. */
final class Base58Check {

    static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int[] DIGIT = new int[128];

    static {
        Arrays.fill(DIGIT, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DIGIT[ALPHABET.charAt(i)] = i;
        }
    }

    private Base58Check() {
    }

    static boolean isBase58(char c) {
        return c < 128 && DIGIT[c] >= 0;
    }

    /** Base58-decodes text[start..end), or null if a char is not Base58. */
    static byte[] decode(CharSequence text, int start, int end) {
        int len = end - start;
        int zeros = 0;
        while (zeros < len && text.charAt(start + zeros) == '1') {
            zeros++;
        }
        // log(58)/log(256) ~ 0.733: enough room for the big-endian number.
        byte[] b256 = new byte[len * 733 / 1000 + 1];
        int used = 0;
        for (int i = start + zeros; i < end; i++) {
            char c = text.charAt(i);
            int carry = c < 128 ? DIGIT[c] : -1;
            if (carry < 0) {
                return null;
            }
            int j = 0;
            for (int k = b256.length - 1; (carry != 0 || j < used) && k >= 0; k--, j++) {
                carry += 58 * (b256[k] & 0xff);
                b256[k] = (byte) carry;
                carry >>>= 8;
            }
            used = j;
        }
        int skip = b256.length - used;
        while (skip < b256.length && b256[skip] == 0) {
            skip++;
        }
        byte[] out = new byte[zeros + (b256.length - skip)];
        System.arraycopy(b256, skip, out, zeros, b256.length - skip);
        return out;
    }

    /**
     * Decodes text[start..end) and verifies the 4-byte checksum; returns the payload without the checksum, or
     * null when the string is not valid Base58Check.
     */
    static byte[] decodeChecked(CharSequence text, int start, int end, MessageDigest sha) {
        byte[] raw = decode(text, start, end);
        if (raw == null || raw.length < 5) {
            return null;
        }
        int n = raw.length - 4;
        sha.reset();
        sha.update(raw, 0, n);
        byte[] h1 = sha.digest();
        sha.reset();
        byte[] h2 = sha.digest(h1);
        for (int i = 0; i < 4; i++) {
            if (h2[i] != raw[n + i]) {
                return null;
            }
        }
        return Arrays.copyOf(raw, n);
    }
}

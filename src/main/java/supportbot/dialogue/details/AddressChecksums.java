package supportbot.dialogue.details;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Checksums built into address formats. Users often retype an address instead of pasting it; a wrong
 * character then fails the checksum, and the bot can say so before an agent wastes time on the wrong address.
 * Base58Check (TRON, bitcoin 1…/3…) always decodes to 25 bytes, a Solana address to 32, so the decoded
 * length tells which formats carry a checksum without knowing the chain.
 */
final class AddressChecksums {
    enum Result { VALID, INVALID, NOT_APPLICABLE }

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int BECH32_CONST = 1;
    private static final int BECH32M_CONST = 0x2bc830a3;

    private AddressChecksums() {
    }

    static Result check(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        if (lower.startsWith("bc1")) {
            if (!token.equals(lower) && !token.equals(token.toUpperCase(Locale.ROOT))) {
                return Result.INVALID; // bech32 forbids mixed case
            }
            return bech32(lower) ? Result.VALID : Result.INVALID;
        }
        byte[] bytes = base58(token);
        if (bytes == null || bytes.length != 25) {
            return Result.NOT_APPLICABLE;
        }
        byte[] hash = sha256(sha256(Arrays.copyOfRange(bytes, 0, 21)));
        return Arrays.equals(Arrays.copyOfRange(hash, 0, 4), Arrays.copyOfRange(bytes, 21, 25))
                ? Result.VALID : Result.INVALID;
    }

    private static byte[] base58(String s) {
        BigInteger n = BigInteger.ZERO;
        for (char c : s.toCharArray()) {
            int d = BASE58.indexOf(c);
            if (d < 0) {
                return null;
            }
            n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(d));
        }
        byte[] raw = n.toByteArray();
        int skip = raw.length > 1 && raw[0] == 0 ? 1 : 0; // BigInteger's sign byte
        int leadingZeros = 0;
        while (leadingZeros < s.length() && s.charAt(leadingZeros) == '1') {
            leadingZeros++;
        }
        byte[] out = new byte[leadingZeros + raw.length - skip];
        System.arraycopy(raw, skip, out, leadingZeros, raw.length - skip);
        return n.signum() == 0 ? new byte[leadingZeros] : out;
    }

    private static boolean bech32(String s) {
        int sep = s.lastIndexOf('1');
        if (sep < 1 || s.length() - sep - 1 < 6) {
            return false;
        }
        String hrp = s.substring(0, sep);
        int[] values = new int[hrp.length() * 2 + 1 + s.length() - sep - 1];
        int k = 0;
        for (char c : hrp.toCharArray()) {
            values[k++] = c >> 5;
        }
        values[k++] = 0;
        for (char c : hrp.toCharArray()) {
            values[k++] = c & 31;
        }
        for (char c : s.substring(sep + 1).toCharArray()) {
            int d = BECH32.indexOf(c);
            if (d < 0) {
                return false;
            }
            values[k++] = d;
        }
        int pm = polymod(values);
        return pm == BECH32_CONST || pm == BECH32M_CONST;
    }

    private static int polymod(int[] values) {
        int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (int v : values) {
            int top = chk >>> 25;
            chk = (chk & 0x1ffffff) << 5 ^ v;
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) != 0) {
                    chk ^= gen[i];
                }
            }
        }
        return chk;
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

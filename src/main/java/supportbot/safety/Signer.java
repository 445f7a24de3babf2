package supportbot.safety;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs data a client hands back (button payloads) so forged data does nothing: the tag binds the payload to
 * the place it was shown ("telegram:42"), so a button copied to another chat or made up fails too.
 */
public final class Signer {
    private static final char SEPARATOR = '~';
    /** 8 bytes of HMAC-SHA256: forging one is a 2^64 guess, and Telegram's 64-byte callback data has room. */
    private static final int TAG_BYTES = 8;

    /** No 0/O or 1/I: codes are read aloud and typed by users. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final SecretKeySpec key;

    public Signer(BotSecret secret) {
        this.key = new SecretKeySpec(secret.key(), "HmacSHA256");
    }

    public String sign(String scope, String payload) {
        return payload + SEPARATOR + tag(scope, payload);
    }

    /** The payload when the tag is right for this scope; empty for anything forged, altered or unsigned. */
    public Optional<String> verify(String scope, String signed) {
        if (signed == null) {
            return Optional.empty();
        }
        int at = signed.lastIndexOf(SEPARATOR);
        if (at < 0) {
            return Optional.empty();
        }
        String payload = signed.substring(0, at);
        byte[] given = signed.substring(at + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = tag(scope, payload).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, expected) ? Optional.of(payload) : Optional.empty();
    }

    /** A short stable code for a name, e.g. an agent's verification code. */
    public String code(String purpose, String name, int chars) {
        byte[] mac = mac(purpose + '\u0000' + name);
        var out = new StringBuilder(chars);
        for (int i = 0; i < chars; i++) {
            out.append(CODE_ALPHABET.charAt((mac[i] & 0xff) % CODE_ALPHABET.length()));
        }
        return out.toString();
    }

    private String tag(String scope, String payload) {
        byte[] mac = mac(scope + '\u0000' + payload);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(mac, TAG_BYTES));
    }

    private byte[] mac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}

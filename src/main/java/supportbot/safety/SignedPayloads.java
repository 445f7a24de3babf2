package supportbot.safety;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Button data for chat platforms with a length cap (Telegram 64 bytes, Discord 100 characters): the payload,
 * or a hash of it when too long, signed for the conversation it is shown in. A hashed payload is found again
 * among the buttons the conversation shows now, so an old one simply no longer resolves.
 */
public final class SignedPayloads {
    /** The signature and its separator. */
    private static final int SIGNATURE_CHARS = 12;
    private static final String HASHED = "h:";

    private final Signer signer;
    private final int maxBytes;

    public SignedPayloads(Signer signer, int maxBytes) {
        this.signer = signer;
        this.maxBytes = maxBytes;
    }

    public String encode(String scope, String payload) {
        String data = payload.getBytes(StandardCharsets.UTF_8).length <= maxBytes - SIGNATURE_CHARS ? payload
                : HASHED + hash(payload);
        return signer.sign(scope, data);
    }

    /** The payload, when the signature is right for this scope (and a hashed one is still shown); else empty. */
    public Optional<String> decode(String scope, String data, List<String> shownPayloads) {
        Optional<String> verified = signer.verify(scope, data);
        if (verified.isEmpty() || !verified.get().startsWith(HASHED)) {
            return verified;
        }
        String h = verified.get().substring(HASHED.length());
        return shownPayloads.stream().filter(p -> hash(p).equals(h)).findFirst();
    }

    private static String hash(String payload) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

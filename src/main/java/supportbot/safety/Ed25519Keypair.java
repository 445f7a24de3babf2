package supportbot.safety;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * Tells a Solana secret key (64 bytes: the 32-byte Ed25519 seed, then its 32-byte public key, as Phantom and
 * Solflare export it) from other 64-byte values of the same shape: a Solana transaction signature is also 64
 * bytes of Base58, and only a real keypair has a second half that is the public key of the first. Checked by
 * signing with the seed and verifying with the second half, which the JDK (15+) does without extra libraries.
 */
final class Ed25519Keypair {
    private static final byte[] PROBE = "support-bot keypair probe".getBytes(StandardCharsets.US_ASCII);

    private Ed25519Keypair() {
    }

    static boolean isKeypair(byte[] bytes) {
        if (bytes == null || bytes.length != 64) {
            return false;
        }
        try {
            KeyFactory kf = KeyFactory.getInstance("Ed25519");
            PrivateKey priv = kf.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519,
                    Arrays.copyOfRange(bytes, 0, 32)));
            PublicKey pub = kf.generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point(bytes, 32)));
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(priv);
            s.update(PROBE);
            byte[] sig = s.sign();
            s.initVerify(pub);
            s.update(PROBE);
            return s.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // not a point on the curve, or no Ed25519 provider: not provably a keypair
        }
    }

    /** RFC 8032 encoding: y little-endian, the top bit of the last byte is the parity of x. */
    private static EdECPoint point(byte[] b, int off) {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = b[off + 31 - i];
        }
        boolean xOdd = (be[0] & 0x80) != 0;
        be[0] &= 0x7f;
        return new EdECPoint(xOdd, new BigInteger(1, be));
    }
}

package supportbot.dialogue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The one-time codes users link their contacts with (/link), as far as the engine needs them: a fresh code to
 * show, and what a code typed on another platform stands for. The store keeps them (see the desk's adapter).
 */
public interface LinkCodes {
    /** Long enough to switch apps and type it; short enough that a code seen over a shoulder soon means nothing. */
    Duration VALID_FOR = Duration.ofMinutes(10);
    /** No 0/O, 1/I/L: users copy it by eye between apps. */
    String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    int LENGTH = 8;

    /**
     * @param contact   the {@link ContactKey} of whoever asked for the code
     * @param expiresAt the code means nothing from then on
     */
    record Pending(String contact, String channel, Instant expiresAt) {
    }

    /** The pending code as typed (any case, dash or not); empty for an unknown or used code. */
    Optional<Pending> find(String code);

    /** Whether the two contacts are already one person. */
    boolean samePerson(String contactA, String contactB);

    /** A fresh random code, "ABCD-EFGH": 31^8 ≈ 8.5·10^11 possibilities for a code that lives 10 minutes. */
    default String newCode() {
        return random(RANDOM);
    }

    SecureRandom RANDOM = new SecureRandom();

    static String random(java.util.Random random) {
        var sb = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The code without its dash and spaces, upper case; empty when it cannot be a code at all. */
    static Optional<String> normal(String typed) {
        String s = typed == null ? "" : typed.replace("-", "").replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (s.length() != LENGTH || !s.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(s.substring(0, LENGTH / 2) + "-" + s.substring(LENGTH / 2));
    }

    /** Where nothing keeps codes (tools that run the engine without a store): /link says it is not available. */
    LinkCodes NONE = new LinkCodes() {
        @Override
        public Optional<Pending> find(String code) {
            return Optional.empty();
        }

        @Override
        public boolean samePerson(String contactA, String contactB) {
            return false;
        }
    };
}

package supportbot.dialogue;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/** What a /link code looks like: drawn at random, shown as "K7QX-2MPA", read back however the user typed it. */
public final class LinkCodeText {
    /** No 0/O, 1/I/L: users copy it by eye between apps. */
    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    /** 31^8 ≈ 8.5·10^11 possibilities, for a code that lives 10 minutes and works once. */
    public static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkCodeText() {
    }

    public static String fresh() {
        return random(RANDOM);
    }

    static String random(Random random) {
        var sb = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                sb.append('-');
            }
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The code as shown ("K7QX-2MPA") from what was typed (any case, dash or spaces or none); empty when it cannot be one. */
    public static Optional<String> normal(String typed) {
        String s = typed == null ? "" : typed.replace("-", "").replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (s.length() != LENGTH || !s.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(s.substring(0, LENGTH / 2) + "-" + s.substring(LENGTH / 2));
    }
}

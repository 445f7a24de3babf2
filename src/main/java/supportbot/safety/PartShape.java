package supportbot.safety;

/**
 * Whether one message could be a piece of a recovery phrase cut over several messages: it holds a run of at
 * least {@link #MIN_RUN} BIP-39 list words (or list characters), and that run is most of the message. Ordinary
 * English uses list words too ("able", "about", "account", "address"), but rarely three or more in a row with
 * nothing else between them, and almost never as most of a message; only messages shaped like this are kept,
 * in memory, to be joined with the next ones.
 */
final class PartShape {
    /** The smallest piece people send: a 12-word phrase as 3+3+3+3. */
    static final int MIN_RUN = 3;
    /** A piece is at most a whole 24-word phrase. */
    static final int MAX_WORDS = 24;

    private final Bip39 bip39;

    PartShape(Bip39 bip39) {
        this.bip39 = bip39;
    }

    /**
     * A candidate: the longest run of list words has at least {@link #MIN_RUN} words and is at least 60% of the
     * message's words, or is six words or more (a label such as "my phrase part 2:" may come with it).
     */
    boolean isCandidate(String text) {
        if (text == null || text.isEmpty() || text.length() > 1000) {
            return false;
        }
        int words = 0;
        int run = 0;
        int best = 0;
        int listWords = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isAsciiLetter(c)) {
                int s = i;
                while (i < n && isAsciiLetter(text.charAt(i))) {
                    i++;
                }
                words++;
                if (bip39.english(text, s, i) >= 0) {
                    listWords++;
                    best = Math.max(best, ++run);
                } else {
                    run = 0;
                }
                continue;
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x10000 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                words++;
                if (bip39.simplified((char) cp) >= 0 || bip39.traditional((char) cp) >= 0) {
                    listWords++;
                    best = Math.max(best, ++run);
                } else {
                    run = 0;
                }
            } else if (!(c >= '0' && c <= '9') && !SecretDetector.isSeparator(cp)) {
                run = 0; // emoji, other scripts: not between the words of a phrase
            }
        }
        if (best < MIN_RUN || listWords > MAX_WORDS) {
            return false;
        }
        return best * 10 >= words * 6 || best >= 6;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}

package supportbot.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The BIP-39 word lists (English, Chinese simplified, Chinese traditional) and the mnemonic checksum.
 *
 * <p>Immutable after construction, so one instance can be shared by all threads.
 */
final class Bip39 {

    static final int WORDS = 2048;

    private static final String ENGLISH = "safety/bip39-english.txt";
    private static final String CHINESE_SIMPLIFIED = "safety/bip39-chinese-simplified.txt";
    private static final String CHINESE_TRADITIONAL = "safety/bip39-chinese-traditional.txt";

    private final String[] english;
    /** Lower-case full word, and the first 4 letters of every word longer than 4, to its index. */
    private final Map<String, Integer> englishIndex;
    /** Index by char for the two Chinese lists (-1: not a list char). All list chars are in the BMP. */
    private final short[] simplified;
    private final short[] traditional;
    /**
     * Index by char of a text normalised by {@link supportbot.text.TextNormalizer} (traditional chars turned
     * simplified): the simplified list, plus the simplified form of each traditional word where it differs from
     * the simplified word of the same index (矽 stays 矽 where the simplified list has 硅; 諮 becomes 谘, not 咨).
     */
    private final short[] folded;

    private Bip39(List<String> english, List<String> simplified, List<String> traditional) {
        this.english = english.toArray(new String[0]);
        Map<String, Integer> index = new HashMap<>(WORDS * 3);
        for (int i = 0; i < WORDS; i++) {
            index.put(this.english[i], i);
        }
        // BIP-39: "the wordlist is created in such a way that it's enough to type the first four letters
        // to unambiguously identify the word". A 4-letter prefix never collides with a full word of another index.
        for (int i = 0; i < WORDS; i++) {
            String w = this.english[i];
            if (w.length() > 4) {
                Integer old = index.putIfAbsent(w.substring(0, 4), i);
                if (old != null && old != i) {
                    throw new IllegalStateException("4-letter prefix of " + w + " is ambiguous");
                }
            }
        }
        this.englishIndex = Map.copyOf(index);
        this.simplified = charIndex(simplified);
        this.traditional = charIndex(traditional);
        this.folded = this.simplified.clone();
        for (int i = 0; i < WORDS; i++) {
            String f = supportbot.text.TextNormalizer.detection().normalize(traditional.get(i)).text();
            char c = f.length() == 1 ? f.charAt(0) : traditional.get(i).charAt(0);
            if (folded[c] >= 0 && folded[c] != i) {
                throw new IllegalStateException("traditional word " + traditional.get(i) + " folds onto another word");
            }
            folded[c] = (short) i;
        }
    }

    static Bip39 loadFromClasspath() {
        return new Bip39(read(ENGLISH), read(CHINESE_SIMPLIFIED), read(CHINESE_TRADITIONAL));
    }

    private static short[] charIndex(List<String> words) {
        short[] idx = new short[0x10000];
        Arrays.fill(idx, (short) -1);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.length() != 1) {
                throw new IllegalStateException("Chinese BIP-39 word is not one BMP char: " + w);
            }
            idx[w.charAt(0)] = (short) i;
        }
        return idx;
    }

    private static List<String> read(String resource) {
        ClassLoader cl = Bip39.class.getClassLoader();
        try (InputStream in = cl == null ? ClassLoader.getSystemResourceAsStream(resource) : cl.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + resource);
            }
            List<String> words = new ArrayList<>(WORDS);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String w = line.strip();
                if (!w.isEmpty()) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
            if (words.size() != WORDS) {
                throw new IllegalStateException(resource + " has " + words.size() + " words, expected " + WORDS);
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * Index of an English token (ASCII letters, any case): the full word, or exactly the first 4 letters of a
     * longer word; -1 otherwise.
     */
    int english(CharSequence text, int start, int end) {
        int len = end - start;
        if (len < 3 || len > 8) {
            return -1;
        }
        char[] buf = new char[len];
        for (int i = 0; i < len; i++) {
            char c = text.charAt(start + i);
            buf[i] = (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        }
        Integer i = englishIndex.get(new String(buf));
        return i == null ? -1 : i;
    }

    String englishWord(int index) {
        return english[index];
    }

    /** Index of c in the simplified Chinese list, or -1. */
    int simplified(char c) {
        return simplified[c];
    }

    /** Index of c in the traditional Chinese list, or -1. */
    int traditional(char c) {
        return traditional[c];
    }

    /** Index of c, a char of normalised text, in the Chinese lists (both scripts fold to one), or -1. */
    int chinese(char c) {
        return folded[c];
    }

    /** Index of c in the given Chinese list (true: traditional), or -1. */
    int chinese(boolean traditionalList, char c) {
        return traditionalList ? traditional[c] : simplified[c];
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }

    static boolean validLength(int words) {
        return words >= 12 && words <= 24 && words % 3 == 0;
    }

    /**
     * BIP-39 checksum of the words idx[from..from+count): the first count*11*32/33 bits are the entropy, the
     * last count/3 bits must equal the first bits of SHA-256(entropy).
     */
    static boolean checksumValid(int[] idx, int from, int count, MessageDigest sha) {
        if (!validLength(count)) {
            return false;
        }
        int csBits = count / 3;
        int entBytes = (count * 11 - csBits) / 8;
        byte[] entropy = new byte[entBytes];
        long acc = 0;
        int bits = 0;
        int out = 0;
        for (int k = 0; k < count; k++) {
            acc = (acc << 11) | idx[from + k];
            bits += 11;
            while (bits >= 8 && out < entBytes) {
                bits -= 8;
                entropy[out++] = (byte) (acc >>> bits);
            }
        }
        // What is left in acc (bits < 8 after the last entropy byte) is the checksum.
        int have = (int) (acc & ((1 << bits) - 1));
        sha.reset();
        int want = (sha.digest(entropy)[0] & 0xff) >>> (8 - csBits);
        return bits == csBits && have == want;
    }

    /**
     * Mean of log2(index + 1) over the words: the Chinese lists are ordered by character frequency, so a random
     * mnemonic (indices uniform in 0..2047) scores about 9.56, while ordinary Chinese text, dominated by the most
     * frequent characters, scores far lower.
     */
    static double meanLogRank(int[] idx, int from, int count) {
        double s = 0;
        for (int k = 0; k < count; k++) {
            s += LOG2[idx[from + k]];
        }
        return s / count;
    }

    private static final double[] LOG2 = new double[WORDS];

    static {
        for (int i = 0; i < WORDS; i++) {
            LOG2[i] = Math.log(i + 1) / Math.log(2);
        }
    }
}

package supportbot.safety;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Valid BIP-39 phrases for tests, made from entropy the standard way (independent of the detector's code). */
public final class TestPhrases {
    private TestPhrases() {
    }

    public static List<String> words(String language, int count, long seed) {
        List<String> list = wordList(language);
        int entropyBits = count * 11 * 32 / 33;
        byte[] entropy = new byte[entropyBits / 8];
        new Random(seed).nextBytes(entropy);
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(entropy);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int checksumBits = entropyBits / 32;
        boolean[] bits = new boolean[entropyBits + checksumBits];
        for (int i = 0; i < entropyBits; i++) {
            bits[i] = (entropy[i / 8] >> (7 - i % 8) & 1) == 1;
        }
        for (int i = 0; i < checksumBits; i++) {
            bits[entropyBits + i] = (hash[i / 8] >> (7 - i % 8) & 1) == 1;
        }
        var out = new ArrayList<String>();
        for (int w = 0; w < count; w++) {
            int index = 0;
            for (int b = 0; b < 11; b++) {
                index = index << 1 | (bits[w * 11 + b] ? 1 : 0);
            }
            out.add(list.get(index));
        }
        return out;
    }

    private static final java.util.Map<String, List<String>> LISTS = new java.util.concurrent.ConcurrentHashMap<>();

    static List<String> wordList(String language) {
        return LISTS.computeIfAbsent(language, TestPhrases::readWordList);
    }

    private static List<String> readWordList(String language) {
        try (InputStream in = TestPhrases.class.getResourceAsStream("/safety/bip39-" + language + ".txt")) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\\R"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

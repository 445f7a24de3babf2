package supportbot.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretDetectorTest {

    private static final SecretDetector D = SecretDetector.standard();

    // ------------------------------------------------------------------------------------------------------
    // A small BIP-39 / Base58Check encoder of the test's own (BigInteger based, unlike the detector's code).

    static final List<String> EN = wordList("safety/bip39-english.txt");
    static final List<String> ZH_S = wordList("safety/bip39-chinese-simplified.txt");
    static final List<String> ZH_T = wordList("safety/bip39-chinese-traditional.txt");

    static List<String> wordList(String resource) {
        try (InputStream in = SecretDetectorTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            List<String> words = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toList());
            assertEquals(2048, words.size(), resource);
            assertEquals(2048, words.stream().distinct().count(), resource);
            return words;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** BIP-39: entropy bits followed by the first ENT/32 bits of SHA-256(entropy), cut into 11-bit indices. */
    static int[] mnemonicIndices(byte[] entropy) {
        int ent = entropy.length * 8;
        int cs = ent / 32;
        BigInteger bits = new BigInteger(1, entropy).shiftLeft(cs)
                .or(BigInteger.valueOf((sha256(entropy)[0] & 0xff) >>> (8 - cs)));
        int words = (ent + cs) / 11;
        int[] out = new int[words];
        for (int i = 0; i < words; i++) {
            out[i] = bits.shiftRight((words - 1 - i) * 11).intValue() & 0x7ff;
        }
        return out;
    }

    /** True when the indices are a valid BIP-39 mnemonic (re-encodes the entropy they carry). */
    static boolean mnemonicValid(int[] idx) {
        int words = idx.length;
        if (words % 3 != 0 || words < 12 || words > 24) {
            return false;
        }
        BigInteger bits = BigInteger.ZERO;
        for (int i : idx) {
            bits = bits.shiftLeft(11).or(BigInteger.valueOf(i));
        }
        int cs = words / 3;
        byte[] raw = bits.shiftRight(cs).toByteArray();
        byte[] entropy = new byte[(words * 11 - cs) / 8];
        int copy = Math.min(raw.length, entropy.length);
        System.arraycopy(raw, raw.length - copy, entropy, entropy.length - copy, copy);
        return Arrays.equals(mnemonicIndices(entropy), idx);
    }

    static List<String> words(List<String> list, int[] idx) {
        return Arrays.stream(idx).mapToObj(list::get).collect(Collectors.toList());
    }

    static int[] randomIndices(Random rnd, int words) {
        byte[] entropy = new byte[words * 11 * 32 / 33 / 8];
        rnd.nextBytes(entropy);
        return mnemonicIndices(entropy);
    }

    static List<String> randomPhrase(Random rnd, List<String> list, int words) {
        return words(list, randomIndices(rnd, words));
    }

    static String base58(byte[] data) {
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        StringBuilder sb = new StringBuilder();
        BigInteger n = new BigInteger(1, data);
        BigInteger b58 = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(b58);
            sb.append(alphabet.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < data.length && data[i] == 0; i++) {
            sb.append('1');
        }
        return sb.reverse().toString();
    }

    static String base58Check(byte[] payload) {
        byte[] check = sha256(sha256(payload));
        byte[] all = Arrays.copyOf(payload, payload.length + 4);
        System.arraycopy(check, 0, all, payload.length, 4);
        return base58(all);
    }

    static String wif(Random rnd, int version, boolean compressed) {
        byte[] p = new byte[compressed ? 34 : 33];
        p[0] = (byte) version;
        byte[] key = new byte[32];
        rnd.nextBytes(key);
        System.arraycopy(key, 0, p, 1, 32);
        if (compressed) {
            p[33] = 1;
        }
        return base58Check(p);
    }

    static String extendedKey(Random rnd, int version, boolean priv) {
        byte[] p = new byte[78];
        p[0] = (byte) (version >>> 24);
        p[1] = (byte) (version >>> 16);
        p[2] = (byte) (version >>> 8);
        p[3] = (byte) version;
        p[4] = 3; // depth
        byte[] rest = new byte[73];
        rnd.nextBytes(rest);
        System.arraycopy(rest, 0, p, 5, 73); // fingerprint, child number, chain code, key
        p[45] = priv ? 0 : (byte) 0x02;
        return base58Check(p);
    }

    static String hex64(Random rnd) {
        byte[] b = new byte[32];
        rnd.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** One char changed to another Base58 char (so the string keeps its shape but not its checksum). */
    static String corrupt(String s, int at) {
        char c = s.charAt(at);
        char r = c == 'z' ? 'y' : (c == '9' ? '8' : (char) (c + 1));
        if (r == 'l' || r == 'I' || r == 'O' || r == '0' || r == ':' || r == '[' || r == '{') {
            r = 'a';
        }
        return s.substring(0, at) + r + s.substring(at + 1);
    }

    // ------------------------------------------------------------------------------------------------------
    // Assertions

    /** Exactly one finding, of the kind, spanning exactly the secret (first occurrence of secret in text). */
    static void assertExact(String text, SecretKind kind, String secret) {
        int start = text.indexOf(secret);
        assertTrue(start >= 0, "test bug: secret not in text");
        List<Finding> f = D.scan(text);
        assertEquals(List.of(new Finding(kind, start, start + secret.length())), f, () -> "in: " + text);
        assertTrue(D.containsSecret(text));
    }

    /** Exactly one phrase finding spanning [start, end), or wider by at most the slack chars on each side. */
    static void assertCovers(String text, int start, int end, int slackBefore, int slackAfter) {
        List<Finding> f = D.scan(text);
        assertEquals(1, f.size(), () -> "findings " + f + " in: " + text);
        Finding x = f.get(0);
        assertEquals(SecretKind.RECOVERY_PHRASE, x.kind());
        assertTrue(x.start() <= start && x.end() >= end, () -> x + " does not cover " + start + ".." + end + " in: " + text);
        assertTrue(start - x.start() <= slackBefore && x.end() - end <= slackAfter, () -> x + " too wide in: " + text);
    }

    static void assertFound(String text) {
        assertTrue(D.containsSecret(text), () -> "missed: " + text.length() + " chars");
    }

    static void assertNone(String text) {
        assertEquals(List.of(), D.scan(text), () -> "false alarm in: " + text);
        assertFalse(D.containsSecret(text));
        assertSame(text, D.redact(text));
    }

    // ------------------------------------------------------------------------------------------------------
    // Word lists and the encoder itself

    @Test
    void wordListsAreTheOfficialOnes() throws Exception {
        assertEquals("abandon", EN.get(0));
        assertEquals("zoo", EN.get(2047));
        assertEquals("的", ZH_S.get(0));
        assertEquals("歇", ZH_S.get(2047));
        assertEquals("的", ZH_T.get(0));
        assertEquals("歇", ZH_T.get(2047));
        assertEquals("這", ZH_T.get(9));
        assertEquals("这", ZH_S.get(9));
        byte[] english = (String.join("\n", EN) + "\n").getBytes(StandardCharsets.UTF_8);
        // Published SHA-256 of bitcoin/bips bip-0039/english.txt.
        assertEquals("2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda",
                HexFormat.of().formatHex(sha256(english)));
    }

    @Test
    void testEncoderReproducesOfficialVectors() {
        assertEquals("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
                String.join(" ", words(EN, mnemonicIndices(new byte[16]))));
        byte[] f = new byte[16];
        Arrays.fill(f, (byte) 0xff);
        assertEquals("zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong", String.join(" ", words(EN, mnemonicIndices(f))));
        byte[] s = new byte[16];
        Arrays.fill(s, (byte) 0x7f);
        assertEquals("legal winner thank year wave sausage worth useful legal winner thank yellow",
                String.join(" ", words(EN, mnemonicIndices(s))));
        byte[] e = new byte[16];
        Arrays.fill(e, (byte) 0x80);
        assertEquals("letter advice cage absurd amount doctor acoustic avoid letter advice cage above",
                String.join(" ", words(EN, mnemonicIndices(e))));
        assertEquals("abandon ".repeat(23) + "art", String.join(" ", words(EN, mnemonicIndices(new byte[32]))));
        assertTrue(mnemonicValid(mnemonicIndices(f)));
    }

    @Test
    void officialVectorsAreDetected() {
        String p = "legal winner thank year wave sausage worth useful legal winner thank yellow";
        assertExact(p, SecretKind.RECOVERY_PHRASE, p);
        String zoo = "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong";
        assertExact("restore with: " + zoo, SecretKind.RECOVERY_PHRASE, zoo);
    }

    // ------------------------------------------------------------------------------------------------------
    // Recovery phrases: every length and list

    @ParameterizedTest
    @ValueSource(ints = {12, 15, 18, 21, 24})
    void phrasesOfEveryLengthAndListAreDetected(int words) {
        Random rnd = new Random(1000 + words);
        int chineseMissed = 0;
        for (int i = 0; i < 50; i++) {
            int[] idx = randomIndices(rnd, words);
            String en = String.join(" ", words(EN, idx));
            assertExact(en, SecretKind.RECOVERY_PHRASE, en);
            assertEquals(SecretDetector.REDACTION, D.redact(en));
            for (List<String> list : List.of(ZH_S, ZH_T)) {
                String zh = String.join(" ", words(list, idx));
                List<Finding> f = D.scan(zh);
                if (f.isEmpty()) {
                    chineseMissed++; // the "looks random" rule drops at most 0.1% of real phrases
                } else {
                    assertEquals(List.of(new Finding(SecretKind.RECOVERY_PHRASE, 0, zh.length())), f, zh);
                }
            }
        }
        assertTrue(chineseMissed <= 1, "Chinese phrases missed: " + chineseMissed);
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 24})
    void englishRealWorldShapes(int n) {
        Random rnd = new Random(7 * n);
        List<Function<List<String>, String>> shapes = List.of(
                w -> join(w, (i, x) -> (i + 1) + ". " + x, " "),                 // 1. abandon 2. ability
                w -> join(w, (i, x) -> (i + 1) + ") " + x, " "),                 // 1) abandon 2) ability
                w -> join(w, (i, x) -> (i + 1) + " " + x, " "),                  // 1 abandon 2 ability
                w -> join(w, (i, x) -> (i + 1) + "." + x, "\n"),                 // one per line, numbered
                w -> join(w, (i, x) -> (i + 1) + ": " + x, "\r\n"),
                w -> join(w, (i, x) -> circled(i + 1) + x, " "),                 // ① abandon
                w -> join(w, (i, x) -> "(" + (i + 1) + ")" + x, "  "),
                w -> join(w, (i, x) -> "#" + (i + 1) + " " + x, " | "),
                w -> String.join("\n", w),
                w -> String.join("\t", w),
                w -> String.join(", ", w),
                w -> String.join(",", w),
                w -> String.join("、", w),
                w -> String.join("，", w),
                w -> String.join(" - ", w),
                w -> "[\"" + String.join("\", \"", w) + "\"]",
                w -> join(w, (i, x) -> i % 2 == 0 ? capitalize(x) : x.toUpperCase(Locale.ROOT), " "), // Abandon ABILITY
                w -> join(w, (i, x) -> x.length() > 4 ? x.substring(0, 4) : x, " "),                  // first 4 letters
                w -> String.join("\u3000", w));
        for (int round = 0; round < 10; round++) {
            List<String> w = randomPhrase(rnd, EN, n);
            for (Function<List<String>, String> shape : shapes) {
                String secret = shape.apply(w);
                String text = "Here it is:\n" + secret + "\n\nis it ok?"; // no list words next to the phrase
                int s = text.indexOf(secret);
                // The finding runs from the first word to the last (numbering before the first word may stay).
                int first = s + firstLetter(secret);
                int last = s + lastLetter(secret) + 1;
                List<Finding> f = D.scan(text);
                assertEquals(List.of(new Finding(SecretKind.RECOVERY_PHRASE, first, last)), f, () -> "in: " + text);
                assertEquals(text.substring(0, first) + SecretDetector.REDACTION + text.substring(last), D.redact(text));
            }
        }
    }

    @Test
    void phraseMidSentenceIsCutOutLeavingTheRest() {
        Random rnd = new Random(42);
        int checked = 0;
        for (int round = 0; round < 200; round++) {
            List<String> w = randomPhrase(rnd, EN, 12);
            String phrase = String.join(" ", w);
            String text = "my phrase is " + phrase + " please help";
            String red = D.redact(text);
            // The phrase is always fully removed and "my phrase is" ("is" is not a list word) always stays.
            // "please" and "help" are BIP-39 words: only if a window shifted onto them validates by chance (about
            // 1 in 8) are they removed too. Otherwise the text around the phrase is intact.
            assertTrue(List.of("my phrase is [secret removed] please help", "my phrase is [secret removed] help",
                    "my phrase is [secret removed]").contains(red), red);
            if (!shiftedWindowValid(w, List.of("please", "help"))) {
                assertEquals("my phrase is [secret removed] please help", red);
                checked++;
            }
        }
        assertTrue(checked > 150, "cases without chance overlap: " + checked);
    }

    /** Whether a window of 12 or more words that includes some of the trailing words validates. */
    private static boolean shiftedWindowValid(List<String> phrase, List<String> after) {
        List<String> run = new ArrayList<>(phrase);
        run.addAll(after);
        for (int s = 1; s + 12 <= run.size(); s++) {
            for (int len = 12; s + len <= run.size(); len += 3) {
                int[] idx = run.subList(s, s + len).stream().mapToInt(EN::indexOf).toArray();
                if (mnemonicValid(idx)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void longestValidPhraseWins() {
        Random rnd = new Random(5);
        for (int i = 0; i < 30; i++) {
            String p24 = String.join(" ", randomPhrase(rnd, EN, 24));
            assertExact("24 words: " + p24 + " !", SecretKind.RECOVERY_PHRASE, p24);
        }
    }

    @Test
    void twoPhrasesInOneMessageAreBothFound() {
        Random rnd = new Random(9);
        for (int i = 0; i < 20; i++) {
            String a = String.join(" ", randomPhrase(rnd, EN, 12));
            String b = String.join(" ", randomPhrase(rnd, ZH_S, 12));
            String text = "(1) " + a + " ;; (2) " + b;
            List<Finding> f = D.scan(text);
            assertEquals(List.of(new Finding(SecretKind.RECOVERY_PHRASE, 4, 4 + a.length()),
                    new Finding(SecretKind.RECOVERY_PHRASE, text.length() - b.length(), text.length())), f);
            assertEquals("(1) [secret removed] ;; (2) [secret removed]", D.redact(text));
        }
    }

    @Test
    void anExplicitPrivateKeyMentionBeatsANearerAddressLabelButNotAHashLabel() {
        String key = hex64(new Random(15));
        assertExact("this is the private key of my wallet address, please check: " + key, SecretKind.PRIVATE_KEY, key);
        assertExact("私钥（钱包地址的）：" + key, SecretKind.PRIVATE_KEY, key);
        // A hash label nearer than the key word still makes it a hash, and an address label with no private-key
        // mention near is still an address.
        assertNone("I never shared my private key, the txid is " + key);
        assertNone("私钥没给过别人，交易哈希 " + key);
        assertNone("my private key is safe and I never typed it anywhere. Last month I sent some tokens to a contract, "
                + "its address: " + key);
    }

    @Test
    void solanaKeypairsAreFoundButSolanaSignaturesAreNot() throws Exception {
        byte[] secret = SecretLeakSuiteTest.solanaSecret(1);
        String b58 = base58(secret);
        assertExact("phantom export: " + b58, SecretKind.SOLANA_KEYPAIR, b58);
        String arr = SecretLeakSuiteTest.byteArray(secret, ",");
        assertExact("id.json: " + arr, SecretKind.SOLANA_KEYPAIR, arr);
        // A transaction signature has the same shape (64 bytes of Base58) but is not a keypair.
        byte[] sig = secret.clone();
        sig[40] ^= 1;
        assertNone("signature " + base58(sig));
        assertNone(SecretLeakSuiteTest.byteArray(sig, ", "));
    }

    @Test
    void phraseWithOneWrongWordIsStillFlagged() {
        // 11 of 12 right words recover the wallet in about 2,048 guesses: a bad checksum does not make it safe.
        Random rnd = new Random(77);
        int tested = 0;
        int chineseMissed = 0;
        for (int i = 0; i < 100; i++) {
            int[] idx = randomIndices(rnd, 12);
            idx[11] = (idx[11] + 1 + rnd.nextInt(2047)) % 2048;
            if (mnemonicValid(idx)) {
                continue; // 1 in 16 replacements is valid again
            }
            tested++;
            assertFound(String.join(" ", words(EN, idx)));
            assertFound("1. " + String.join("\n2. ", words(EN, idx)));
            String separated = String.join(" ", words(ZH_S, idx));
            String run = "助记词：" + String.join("", words(ZH_S, idx));
            // Chinese without a checksum is judged by how random the characters look: up to 1% of real phrases
            // look like ordinary text and are let through.
            chineseMissed += (D.containsSecret(separated) ? 0 : 1) + (D.containsSecret(run) ? 0 : 1);
        }
        assertTrue(tested > 80);
        assertTrue(chineseMissed <= 4, "Chinese one-wrong-word phrases missed: " + chineseMissed + " of " + 2 * tested);
        // 11 words of a valid 12-word phrase: one guess away from the wallet.
        String p = String.join(" ", randomPhrase(rnd, EN, 12));
        assertFound(p.substring(0, p.lastIndexOf(' ')));
        // ...but 10 are not a phrase.
        String ten = p.substring(0, p.lastIndexOf(' '));
        assertNone(ten.substring(0, ten.lastIndexOf(' ')));
    }

    @Test
    void checksumValidChatMadeOfListWordsIsNotAPhrase() {
        // Chat English written only with BIP-39 words passes a 12-word checksum 1 time in 16; such windows are
        // rejected when a third or more of the words are everyday English.
        List<String> everyday = List.of("thank", "you", "all", "good", "now", "very", "can", "this", "please", "help",
                "what", "need", "today", "still", "again", "hello", "sorry", "wrong", "right", "about", "when", "have");
        List<String> other = List.of("token", "balance", "swap", "account", "fee", "phone", "network", "price", "close",
                "happy", "check", "error", "problem", "issue", "answer", "soon", "slow", "high", "ticket", "update");
        Random rnd = new Random(60);
        int tested = 0;
        while (tested < 30) {
            List<String> w = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                w.add(i % 3 == 0 ? everyday.get(rnd.nextInt(everyday.size())) : other.get(rnd.nextInt(other.size())));
            }
            int[] idx = w.stream().mapToInt(EN::indexOf).toArray();
            assertTrue(Arrays.stream(idx).allMatch(i -> i >= 0), w::toString);
            if (!mnemonicValid(idx)) {
                continue;
            }
            tested++;
            assertNone(String.join(" ", w));
            assertNone(capitalize(String.join(", ", w)) + ".");
        }
    }

    @Test
    void chineseSeparatedShapes() {
        Random rnd = new Random(2024);
        int missed = 0;
        for (List<String> list : List.of(ZH_S, ZH_T)) {
            for (int n : new int[] {12, 18, 24}) {
                for (int round = 0; round < 10; round++) {
                    List<String> w = randomPhrase(rnd, list, n);
                    if (D.scan(String.join(" ", w)).isEmpty()) {
                        missed++; // the "looks random" rule drops at most 0.1% of real phrases
                        continue;
                    }
                    for (String secret : List.of(String.join(" ", w), String.join("\n", w), String.join("、", w),
                            String.join("，", w), String.join(", ", w), String.join("\t", w),
                            join(w, (i, x) -> (i + 1) + "." + x, " "), join(w, (i, x) -> (i + 1) + " " + x, "\n"),
                            join(w, (i, x) -> circled(i + 1) + x, " "), join(w, (i, x) -> (i + 1) + x, ""))) {
                        assertExact(secret, SecretKind.RECOVERY_PHRASE, secret.substring(firstHan(secret)));
                        String text = "帮我看看这个有没有问题：" + secret + "。thanks";
                        int s = text.indexOf(secret) + firstHan(secret);
                        // The last char of the Han run before a separated phrase may be taken as its first word
                        // ("助记词是的 一 是 …"), so the finding may start at 题.
                        assertCovers(text, s, text.indexOf(secret) + secret.length(), s - text.indexOf("题"), 0);
                        String red = D.redact(text);
                        assertTrue(red.startsWith("帮我看看这个有没有问") && red.endsWith(SecretDetector.REDACTION + "。thanks"), red);
                    }
                }
            }
        }
        assertTrue(missed <= 1, "phrases missed: " + missed);
    }

    @Test
    void twoChinesePhrasesOnTwoLines() {
        Random rnd = new Random(555);
        int found = 0;
        for (int round = 0; round < 50; round++) {
            String a = String.join(" ", randomPhrase(rnd, ZH_S, 12));
            String b = String.join(" ", randomPhrase(rnd, ZH_S, 12));
            String text = a + "\n" + b;
            if (D.scan(text).equals(List.of(new Finding(SecretKind.RECOVERY_PHRASE, 0, text.length())))) {
                found++; // the two findings touch at the newline and are merged... or each found on its own:
            } else if (D.scan(text).equals(List.of(new Finding(SecretKind.RECOVERY_PHRASE, 0, a.length()),
                    new Finding(SecretKind.RECOVERY_PHRASE, a.length() + 1, text.length())))) {
                found++;
            }
        }
        assertTrue(found >= 49, "found " + found);
    }

    @Test
    void spacedOutChineseAroundAPhraseHidesIt() {
        // Documented limit of the no-sliding rule for separated Chinese: single characters spaced out around the
        // phrase make one longer sequence, which is not a phrase. (Spaced-out ordinary Chinese would otherwise
        // pass 12-word checksums 1 time in 16.)
        Random rnd = new Random(556);
        String phrase = String.join(" ", randomPhrase(rnd, ZH_S, 12));
        assertEquals(1, D.scan(phrase).size());
        assertEquals(1, D.scan("好的，" + phrase + "，谢谢").size());
        assertEquals(0, D.scan("好 的 ， " + phrase + " ， 谢 谢 你").size());
    }

    @Test
    void chineseFirstWordGluedToTheSentence() {
        Random rnd = new Random(31);
        int found = 0;
        for (int round = 0; round < 50; round++) {
            List<String> w = randomPhrase(rnd, ZH_S, 12);
            String text = "我的助记词是" + String.join(" ", w) + " 帮忙看看";
            List<Finding> f = D.scan(text);
            int start = "我的助记词是".length();
            if (f.size() == 1 && f.get(0).start() <= start && f.get(0).end() >= text.indexOf(" 帮忙看看")) {
                found++;
            }
        }
        assertEquals(50, found);
    }

    @Test
    void chineseUnseparatedWithKeyword() {
        Random rnd = new Random(888);
        int total = 0;
        int found = 0;
        for (int n : new int[] {12, 15, 18, 21, 24}) {
            for (List<String> list : List.of(ZH_S, ZH_T)) {
                for (int round = 0; round < 40; round++) {
                    String run = String.join("", randomPhrase(rnd, list, n));
                    String kw = list == ZH_S ? "助记词" : "助記詞";
                    for (String text : List.of("我的" + kw + "是" + run + "，请帮忙看看", kw + "：" + run,
                            "这是我钱包的" + kw + "\n" + run + "\n怎么恢复？", "seed: " + run, "我的" + kw + "如下" + run + "。")) {
                        total++;
                        List<Finding> f = D.scan(text);
                        int s = text.indexOf(run);
                        if (f.equals(List.of(new Finding(SecretKind.RECOVERY_PHRASE, s, s + n)))) {
                            found++;
                            assertTrue(D.redact(text).contains(SecretDetector.REDACTION));
                        }
                    }
                }
            }
        }
        // The "looks random" rule may lose at most 0.1% of real phrases (and 是 at the start of a phrase is rarer).
        assertTrue(found >= total * 0.99, found + " of " + total);
    }

    @Test
    void chineseUnseparatedAloneOnItsLine() {
        Random rnd = new Random(1234);
        int total = 0;
        int found = 0;
        for (int n : new int[] {12, 15, 24}) {
            for (List<String> list : List.of(ZH_S, ZH_T)) {
                for (int round = 0; round < 100; round++) {
                    String run = String.join("", randomPhrase(rnd, list, n));
                    total++;
                    if (D.scan(run).equals(List.of(new Finding(SecretKind.RECOVERY_PHRASE, 0, n)))) {
                        found++;
                    }
                }
            }
        }
        // Without a keyword the rule is stricter and loses about 1% of real phrases.
        assertTrue(found >= total * 0.97, found + " of " + total);
    }

    @Test
    void chineseUnseparatedTwelveNeedsContext() {
        // A checksum-valid, random-looking 12-char run inside a sentence without any mnemonic keyword: the 4-bit
        // checksum is too weak on its own, so it is not flagged; the same run with a keyword, or alone, is.
        Random rnd = new Random(4321);
        int checked = 0;
        for (int round = 0; round < 50; round++) {
            String run = String.join("", randomPhrase(rnd, ZH_S, 12));
            if (D.scan(run).isEmpty()) {
                continue; // one of the ~1% the rank rule drops
            }
            checked++;
            assertNone("你好，" + run + "，帮我看看");
            assertEquals(1, D.scan("你好，我的助记词：" + run + "，帮我看看").size());
        }
        assertTrue(checked >= 45);
    }

    // ------------------------------------------------------------------------------------------------------
    // Private keys vs transaction hashes

    @Test
    void labelledHexPrivateKeyIsFlagged() {
        Random rnd = new Random(3);
        for (int i = 0; i < 10; i++) {
            String k = hex64(rnd);
            assertExact("private key: " + k, SecretKind.PRIVATE_KEY, k);
            assertExact("my private key is 0x" + k + " pls help", SecretKind.PRIVATE_KEY, "0x" + k);
            assertExact("Private Key:\n" + k.toUpperCase(Locale.ROOT), SecretKind.PRIVATE_KEY, k.toUpperCase(Locale.ROOT));
            assertExact("privkey=" + k, SecretKind.PRIVATE_KEY, k);
            assertExact("pk: " + k, SecretKind.PRIVATE_KEY, k);
            assertExact("secret key " + k, SecretKind.PRIVATE_KEY, k);
            assertExact("我的私钥：" + k, SecretKind.PRIVATE_KEY, k);
            assertExact("密钥是 0x" + k + " 怎么导入", SecretKind.PRIVATE_KEY, "0x" + k);
            assertExact(k + "\nthis is the private key of my old wallet", SecretKind.PRIVATE_KEY, k);
            assertEquals("private key: [secret removed] thanks", D.redact("private key: " + k + " thanks"));
        }
    }

    @Test
    void transactionHashIsNotAKey() {
        Random rnd = new Random(4);
        for (int i = 0; i < 10; i++) {
            String h = hex64(rnd);
            assertNone(h);
            assertNone("0x" + h);
            assertNone("tx hash: " + h);
            assertNone("tx hash: 0x" + h);
            assertNone("txid " + h + " still pending");
            assertNone("交易哈希：" + h);
            assertNone("哈希 0x" + h + " 一直没到账");
            assertNone("https://etherscan.io/tx/0x" + h);
            assertNone("https://tronscan.org/#/transaction/" + h);
            // A key word elsewhere, but the string is labelled as a hash.
            assertNone("I never shared my private key, but my USDT is gone. tx hash: 0x" + h);
            assertNone("私钥没泄露过，钱却被转走了，交易哈希 " + h);
            assertNone("is my private key safe? the transaction was 0x" + h);
        }
    }

    @Test
    void keyAndHashInOneMessage() {
        Random rnd = new Random(6);
        String key = hex64(rnd);
        String hash = hex64(rnd);
        String text = "tx hash: 0x" + hash + "\nprivate key: " + key;
        int s = text.indexOf(key);
        assertEquals(List.of(new Finding(SecretKind.PRIVATE_KEY, s, s + 64)), D.scan(text));
        assertEquals("tx hash: 0x" + hash + "\nprivate key: [secret removed]", D.redact(text));
    }

    @Test
    void hexOfOtherLengthsIsNotAKey() {
        Random rnd = new Random(8);
        String k = hex64(rnd);
        assertNone("private key: " + k.substring(0, 63));
        assertNone("private key: " + k + "a");
        assertNone("private key: 0x" + k.substring(0, 40)); // an address
        assertNone("private key: g" + k.substring(1)); // not hex
    }

    // ------------------------------------------------------------------------------------------------------
    // WIF and extended keys

    @Test
    void wifKeysAreFlagged() {
        Random rnd = new Random(11);
        for (int i = 0; i < 20; i++) {
            String u = wif(rnd, 0x80, false);
            String c = wif(rnd, 0x80, true);
            String tu = wif(rnd, 0xef, false);
            String tc = wif(rnd, 0xef, true);
            assertTrue(u.length() == 51 && u.startsWith("5"), u);
            assertTrue(c.length() == 52 && (c.startsWith("K") || c.startsWith("L")), c);
            assertTrue(tu.length() == 51 && tu.startsWith("9"), tu);
            assertTrue(tc.length() == 52 && tc.startsWith("c"), tc);
            for (String k : List.of(u, c, tu, tc)) {
                assertExact(k, SecretKind.WIF_KEY, k);
                assertExact("import this: " + k + ", ok?", SecretKind.WIF_KEY, k);
                assertNone(corrupt(k, 10));
                assertNone(corrupt(k, k.length() - 1));
            }
        }
        // A WIF-shaped string (51 chars, starts with 5, valid checksum) with another version byte is not a key.
        byte[] p = new byte[33];
        rnd.nextBytes(p);
        p[0] = (byte) 0x81;
        String other = base58Check(p);
        assertTrue(other.length() == 51 && other.startsWith("5"), other);
        assertNone(other);
        // Compressed shape (52 chars, K/L) but the 34th byte is not the 0x01 compression flag.
        byte[] q = new byte[34];
        rnd.nextBytes(q);
        q[0] = (byte) 0x80;
        q[33] = 0x02;
        String notCompressed = base58Check(q);
        assertTrue(notCompressed.length() == 52 && "KL".indexOf(notCompressed.charAt(0)) >= 0, notCompressed);
        assertNone(notCompressed);
    }

    @Test
    void extendedPrivateKeysAreFlaggedPublicOnesAreNot() {
        Random rnd = new Random(12);
        int[][] versions = {
            {0x0488ADE4, 0x0488B21E}, // xprv / xpub
            {0x04358394, 0x043587CF}, // tprv / tpub
            {0x049D7878, 0x049D7CB2}, // yprv / ypub
            {0x04B2430C, 0x04B24746}, // zprv / zpub
            {0x044A4E28, 0x044A5262}, // uprv / upub
            {0x045F18BC, 0x045F1CF6}, // vprv / vpub
        };
        String[] prefixes = {"xprv", "tprv", "yprv", "zprv", "uprv", "vprv"};
        for (int v = 0; v < versions.length; v++) {
            for (int i = 0; i < 5; i++) {
                String prv = extendedKey(rnd, versions[v][0], true);
                String pub = extendedKey(rnd, versions[v][1], false);
                assertEquals(111, prv.length());
                assertTrue(prv.startsWith(prefixes[v]), prv);
                assertExact(prv, SecretKind.EXTENDED_PRIVATE_KEY, prv);
                assertExact("my master key " + prv + " from electrum", SecretKind.EXTENDED_PRIVATE_KEY, prv);
                assertNone(pub);
                assertNone("watch-only xpub: " + pub);
                assertNone(corrupt(prv, 50));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------
    // Keystore JSON

    static final String KEYSTORE = "{\"address\":\"008aeeda4d805471df9b2a5b0f38a0c3bcba786b\",\"crypto\":{\"cipher\":\"aes-128-ctr\","
            + "\"ciphertext\":\"d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c\","
            + "\"cipherparams\":{\"iv\":\"83dbcc02d8ccb40e466191a123791e0e\"},\"kdf\":\"scrypt\","
            + "\"kdfparams\":{\"dklen\":32,\"n\":262144,\"p\":8,\"r\":1,"
            + "\"salt\":\"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19\"},"
            + "\"mac\":\"2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097\"},"
            + "\"id\":\"3198bc9c-6672-5ab3-d995-4942343ae5b6\",\"version\":3}";

    @Test
    void keystoreJsonIsFlaggedWhole() {
        assertExact(KEYSTORE, SecretKind.KEYSTORE_JSON, KEYSTORE);
        assertEquals("here is my keystore: [secret removed] password is in my head",
                D.redact("here is my keystore: " + KEYSTORE + " password is in my head"));
        String pretty = KEYSTORE.replace(",", ",\n  ").replace("{", "{\n  ").replace("Crypto", "crypto");
        assertExact("keystore:\n" + pretty + "\n", SecretKind.KEYSTORE_JSON, pretty);
        String v1 = KEYSTORE.replace("\"crypto\"", "\"Crypto\"");
        assertExact(v1, SecretKind.KEYSTORE_JSON, v1);
        // Truncated paste: up to the end of the text.
        String cut = "导入失败 " + KEYSTORE.substring(0, 300);
        assertExact(cut, SecretKind.KEYSTORE_JSON, KEYSTORE.substring(0, 300));
        // Escaped inside a JSON string.
        String escaped = "{\"text\":\"" + KEYSTORE.replace("\"", "\\\"") + "\"}";
        assertExact(escaped, SecretKind.KEYSTORE_JSON, escaped);
        // A hex key word in the message does not split the keystore finding.
        String both = "my private key file: " + KEYSTORE;
        assertExact(both, SecretKind.KEYSTORE_JSON, KEYSTORE);
    }

    @Test
    void jsonWithoutTheKeystoreKeysIsNotFlagged() {
        assertNone("{\"crypto\": \"ETH\", \"amount\": 1.5}");
        assertNone("what do \"ciphertext\" and \"kdf\" mean in a keystore file?");
        assertNone("{\"ciphertext\":\"abc\"}");
    }

    // ------------------------------------------------------------------------------------------------------
    // Robustness and speed

    @Test
    void oddInputNeverThrows() {
        assertEquals(List.of(), D.scan(null));
        assertEquals(List.of(), D.scan(""));
        assertFalse(D.containsSecret(null));
        assertEquals(null, D.redact(null));
        assertEquals("", D.redact(""));
        Random rnd = new Random(99);
        for (int i = 0; i < 2000; i++) {
            int len = rnd.nextInt(300);
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < len; j++) {
                int kind = rnd.nextInt(6);
                if (kind == 0) {
                    sb.append((char) rnd.nextInt(0x10000)); // includes lone surrogates
                } else if (kind == 1) {
                    sb.appendCodePoint(0x10000 + rnd.nextInt(0x100000 - 0x10000));
                } else if (kind == 2) {
                    sb.append(ZH_S.get(rnd.nextInt(2048)));
                } else if (kind == 3) {
                    sb.append(EN.get(rnd.nextInt(2048))).append(' ');
                } else if (kind == 4) {
                    String odd = "{}\"':0x1①，、\n\t";
                    sb.append(odd.charAt(rnd.nextInt(odd.length())));
                } else {
                    sb.append(Base58Check.ALPHABET.charAt(rnd.nextInt(58)));
                }
            }
            String s = sb.toString();
            List<Finding> f = D.scan(s);
            for (Finding x : f) {
                assertTrue(x.start() >= 0 && x.end() <= s.length() && x.start() < x.end());
            }
            assertNotNull(D.redact(s));
        }
    }

    @Test
    void findingsAreWithinTextAndRedactionKeepsTheRest() {
        Random rnd = new Random(13);
        String key = hex64(rnd);
        String phrase = String.join(" ", randomPhrase(rnd, EN, 12));
        String wif = wif(rnd, 0x80, true);
        String text = "A: " + phrase + "\nB: private key " + key + "\nC: " + wif + "\nD: " + KEYSTORE + "\nE: ok";
        List<Finding> f = D.scan(text);
        assertEquals(List.of(SecretKind.RECOVERY_PHRASE, SecretKind.PRIVATE_KEY, SecretKind.WIF_KEY, SecretKind.KEYSTORE_JSON),
                f.stream().map(Finding::kind).collect(Collectors.toList()));
        assertEquals("A: [secret removed]\nB: private key [secret removed]\nC: [secret removed]\nD: [secret removed]\nE: ok",
                D.redact(text));
    }

    @Test
    void tenThousandCharMessagesAreFast() {
        Random rnd = new Random(17);
        List<String> messages = new ArrayList<>();
        messages.add(fill(10_000, () -> EN.get(rnd.nextInt(2048)) + " "));                    // all list words
        messages.add(fill(10_000, () -> ZH_S.get(rnd.nextInt(2048)) + " "));                  // separated Chinese
        messages.add(fill(10_000, () -> ZH_S.get(rnd.nextInt(2048))));                        // one Chinese run
        messages.add(fill(10_000, () -> ZH_S.get(rnd.nextInt(2048)) + (rnd.nextInt(12) == 0 ? "，" : "")));
        messages.add("private key " + fill(10_000, () -> hex64(rnd) + " "));                  // hex soup with a key word
        messages.add(fill(10_000, () -> wif(rnd, 0x80, true) + " "));
        messages.add(fill(10_000, () -> "{\"crypto\":{\"ciphertext\":\"00\",\"kdf\":1}"));
        messages.add(fill(10_000, () -> String.valueOf((char) (0x20 + rnd.nextInt(0x3000)))));
        for (String m : messages) {
            for (int i = 0; i < 30; i++) {
                D.scan(m); // warm-up
            }
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 15; i++) { // best of 15: robust to a busy machine
                long t0 = System.nanoTime();
                D.redact(m);
                best = Math.min(best, System.nanoTime() - t0);
            }
            long bestNanos = best;
            System.out.printf("SecretDetector: %d chars (%s...) best %.2f ms%n", m.length(),
                    m.substring(0, 12).replace("\n", " "), bestNanos / 1e6);
            assertTrue(bestNanos < 10_000_000L, () -> "too slow: " + bestNanos / 1e6 + " ms for " + m.substring(0, 30));
        }
    }

    @Test
    void sharedInstanceIsThreadSafe() throws Exception {
        assertSame(SecretDetector.standard(), SecretDetector.standard());
        Random rnd = new Random(21);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add("phrase " + String.join(" ", randomPhrase(rnd, i % 2 == 0 ? EN : ZH_S, 12 + 3 * (i % 5)))
                    + " key: " + hex64(rnd) + " " + wif(rnd, 0x80, i % 3 == 0));
        }
        List<List<Finding>> expected = texts.stream().map(D::scan).collect(Collectors.toList());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> IntStream.range(0, texts.size())
                        .allMatch(i -> D.scan(texts.get(i)).equals(expected.get(i)))));
            }
            for (Future<Boolean> f : futures) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        // Phrase, key and WIF in each (a Chinese phrase may rarely fail the "looks random" rule).
        assertTrue(expected.stream().allMatch(f -> f.size() >= 2), "a key or WIF was missed");
        assertTrue(expected.stream().filter(f -> f.size() == 3).count() >= 198, "phrases missed");
    }

    // ------------------------------------------------------------------------------------------------------
    // helpers

    interface IndexedMapper {
        String map(int index, String word);
    }

    static String join(List<String> words, IndexedMapper mapper, String sep) {
        return IntStream.range(0, words.size()).mapToObj(i -> mapper.map(i, words.get(i))).collect(Collectors.joining(sep));
    }

    static String circled(int n) {
        if (n <= 20) {
            return String.valueOf((char) (0x2460 + n - 1));
        }
        return String.valueOf((char) (0x3251 + n - 21));
    }

    static String capitalize(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    static int firstLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static int lastLetter(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (Character.isLetter(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static int firstHan(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN) {
                return i;
            }
        }
        return -1;
    }

    static String fill(int length, java.util.function.Supplier<String> piece) {
        StringBuilder sb = new StringBuilder(length + 200);
        while (sb.length() < length) {
            sb.append(piece.get());
        }
        return sb.substring(0, length);
    }
}

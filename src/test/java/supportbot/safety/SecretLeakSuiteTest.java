package supportbot.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import supportbot.channel.AttachmentFiles;
import supportbot.dialogue.Attachment;
import supportbot.dialogue.Inbound;
import supportbot.text.TextNormalizer;

/**
 * The red-team suite for issue 15: secrets written every way a user (or an agent) might write them must never
 * survive into what is stored or shown. Phrases are generated (seeded) in every length and every shipped word
 * list, with a valid checksum and with one word wrong, in many written forms and inside chatter; keys in every
 * form the wallets export them. Each input is redacted the way the bot redacts before storing, and it leaks when
 * the detector finds nothing or the redacted text still holds three or more of the phrase's words in order (or
 * any 16 chars of a key). Counts are printed per category; docs/secrets.md reports them.
 */
class SecretLeakSuiteTest {
    private static final SecretDetector D = SecretDetector.standard();
    private static final String[] LANGS = {"english", "chinese-simplified", "chinese-traditional"};
    private static final int[] LENGTHS = {12, 15, 18, 21, 24};
    private static final int SEEDS = 3;
    private static final List<String> SIMPLIFIED = TestPhrases.wordList("chinese-simplified");
    private static final List<String> TRADITIONAL = TestPhrases.wordList("chinese-traditional");

    /** Category → {inputs tried, leaks}; one example of a leak per category for the message. */
    private static final Map<String, int[]> TALLY = new TreeMap<>();
    private static final Map<String, String> EXAMPLE = new TreeMap<>();

    private final InboundGuard guard = new InboundGuard(new InboundGuard.Settings(100_000, 1_000_000,
            java.time.Duration.ofSeconds(1)), Secrets::redact, u -> false, System::nanoTime);

    // ------------------------------------------------------------------------------------------------------
    // Phrases

    /** A written form of a phrase: how the words are put together. */
    private record Form(String name, BiFunction<List<String>, Random, String> write) {
    }

    private static final String[] EMOJI = {"🔑", "✅", "🔒", "⭐", "👉", "💎", "🌟", "📌", "❤️", "🟢"};

    private static String keycap(int n) {
        return String.valueOf(n).chars().mapToObj(c -> (char) c + "\uFE0F\u20E3").collect(Collectors.joining());
    }

    private static String circled(int n) {
        return n <= 20 ? String.valueOf((char) (0x2460 + n - 1)) : String.valueOf((char) (0x3251 + n - 21));
    }

    private static String numbered(List<String> w, java.util.function.IntFunction<String> marker, String between) {
        return IntStream.range(0, w.size()).mapToObj(i -> marker.apply(i + 1) + w.get(i)).collect(Collectors.joining(between));
    }

    private static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c > ' ' && c < 0x7F ? (char) (c - 0x21 + 0xFF01) : c == ' ' ? '\u3000' : c);
        }
        return sb.toString();
    }

    private static final String CYRILLIC_FOR = "aeopcxiy";
    private static final String CYRILLIC = "аеорсхіу";

    /** One letter of each word that has a look-alike replaced by the Cyrillic one. */
    private static String homoglyph(String word) {
        for (int i = 0; i < word.length(); i++) {
            int k = CYRILLIC_FOR.indexOf(word.charAt(i));
            if (k >= 0) {
                return word.substring(0, i) + CYRILLIC.charAt(k) + word.substring(i + 1);
            }
        }
        return word;
    }

    private static String zwspInside(String word) {
        if (word.length() < 2) {
            return word;
        }
        int mid = word.length() / 2;
        return word.substring(0, mid) + "\u200B" + word.substring(mid);
    }

    private static String mixedCase(String word, Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (char c : word.toCharArray()) {
            sb.append(rnd.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    private static List<String> map(List<String> w, java.util.function.UnaryOperator<String> f) {
        return w.stream().map(f).toList();
    }

    private static final List<Form> ENGLISH_FORMS = List.of(
            new Form("space", (w, r) -> String.join(" ", w)),
            new Form("numbered list", (w, r) -> numbered(w, i -> i + ". ", "\n")),
            new Form("one per line", (w, r) -> String.join("\n", w)),
            new Form("comma", (w, r) -> String.join(", ", w)),
            new Form("underscore", (w, r) -> String.join("_", w)),
            new Form("dash", (w, r) -> String.join("-", w)),
            new Form("pipe", (w, r) -> String.join(" | ", w)),
            new Form("slash", (w, r) -> String.join("/", w)),
            new Form("dot", (w, r) -> String.join(".", w)),
            new Form("keycap markers", (w, r) -> numbered(w, i -> keycap(i) + " ", " ")),
            new Form("emoji markers", (w, r) -> numbered(w, i -> EMOJI[i % EMOJI.length], " ")),
            new Form("circled numbers", (w, r) -> numbered(w, SecretLeakSuiteTest::circled, " ")),
            new Form("full-width", (w, r) -> fullWidth(String.join(" ", w))),
            new Form("homoglyph", (w, r) -> String.join(" ", map(w, SecretLeakSuiteTest::homoglyph))),
            new Form("zwsp inside words", (w, r) -> String.join(" ", map(w, SecretLeakSuiteTest::zwspInside))),
            new Form("zwsp between words", (w, r) -> String.join("\u200B", w)),
            new Form("mixed case", (w, r) -> String.join(" ", map(w, x -> mixedCase(x, r)))),
            new Form("nbsp", (w, r) -> String.join("\u00A0", w)),
            new Form("all disguises", (w, r) -> numbered(map(w, x -> zwspInside(fullWidth(homoglyph(x)))),
                    i -> i % 2 == 0 ? keycap(i) : EMOJI[i % EMOJI.length], "_")));

    private static final List<Form> CHINESE_FORMS = List.of(
            new Form("space", (w, r) -> String.join(" ", w)),
            new Form("numbered list", (w, r) -> numbered(w, i -> i + ". ", "\n")),
            new Form("one per line", (w, r) -> String.join("\n", w)),
            new Form("full-width comma", (w, r) -> String.join("，", w)),
            new Form("ideographic comma", (w, r) -> String.join("、", w)),
            new Form("unseparated", (w, r) -> String.join("", w)),
            new Form("underscore", (w, r) -> String.join("_", w)),
            new Form("pipe", (w, r) -> String.join("|", w)),
            new Form("keycap markers", (w, r) -> numbered(w, i -> keycap(i), " ")),
            new Form("emoji markers", (w, r) -> numbered(w, i -> EMOJI[i % EMOJI.length], "")),
            new Form("circled numbers", (w, r) -> numbered(w, SecretLeakSuiteTest::circled, "")),
            new Form("ideographic space", (w, r) -> String.join("\u3000", w)),
            new Form("zwsp between chars", (w, r) -> String.join("\u200B", w)),
            new Form("nbsp", (w, r) -> String.join("\u00A0", w)),
            new Form("mixed scripts", (w, r) -> String.join(" ", map(w, x -> otherScript(x, r)))));

    /** The same word from the other Chinese list, half of the time: phrases typed with both scripts mixed. */
    private static String otherScript(String c, Random rnd) {
        int s = SIMPLIFIED.indexOf(c);
        int t = TRADITIONAL.indexOf(c);
        if (!rnd.nextBoolean()) {
            return c;
        }
        return s >= 0 ? TRADITIONAL.get(s) : t >= 0 ? SIMPLIFIED.get(t) : c;
    }

    private static final List<String> ENGLISH_CHATTER = List.of("{p}", "my recovery phrase is {p} please help",
            "hi, I can't open my wallet. words:\n{p}\nthanks", "助记词：{p}，帮我看看", "{p}\nis this right?");
    private static final List<String> CHINESE_CHATTER = List.of("{p}", "我的助记词是{p}，请帮我恢复",
            "钱包打不开了\n{p}\n谢谢", "recovery phrase: {p}", "请帮我看看这个：\n{p}");

    /** A valid phrase, or one with one word replaced by another list word (its checksum almost always fails). */
    private static List<String> phrase(String lang, int length, long seed, boolean oneWrong) {
        List<String> w = new ArrayList<>(TestPhrases.words(lang, length, seed));
        if (oneWrong) {
            Random r = new Random(seed * 31 + length);
            List<String> list = TestPhrases.wordList(lang);
            int at = r.nextInt(length);
            String other;
            do {
                other = list.get(r.nextInt(list.size()));
            } while (other.equals(w.get(at)));
            w.set(at, other);
        }
        return w;
    }

    @Test
    void phrasesInEveryLengthListChecksumAndFormAreCaught() {
        for (String lang : LANGS) {
            boolean chinese = lang.startsWith("chinese");
            for (int length : LENGTHS) {
                for (boolean oneWrong : new boolean[] {false, true}) {
                    for (int seed = 0; seed < SEEDS; seed++) {
                        long s = 1000L * length + seed + (chinese ? 7 : 0) + (lang.endsWith("traditional") ? 13 : 0);
                        List<String> words = phrase(lang, length, s, oneWrong);
                        Random rnd = new Random(s);
                        for (Form form : chinese ? CHINESE_FORMS : ENGLISH_FORMS) {
                            String p = form.write().apply(words, rnd);
                            for (String chatter : chinese ? CHINESE_CHATTER : ENGLISH_CHATTER) {
                                String text = chatter.replace("{p}", p);
                                String category = "phrase " + (chinese ? "zh" : "en") + (oneWrong ? " one word wrong" : " valid");
                                check(category, text, Secrets.redact(text), words);
                                if (chinese && form.name().equals("unseparated")) {
                                    check(category + ", unseparated", text, Secrets.redact(text), words);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertNoLeaks("phrase ");
    }

    @Test
    void phrasesInFileNamesAreCutBeforeTheNameIsShortenedOrStored() {
        for (String lang : LANGS) {
            boolean chinese = lang.startsWith("chinese");
            for (int length : LENGTHS) {
                for (boolean oneWrong : new boolean[] {false, true}) {
                    List<String> words = phrase(lang, length, 77L * length + (chinese ? 1 : 0), oneWrong);
                    Random rnd = new Random(length);
                    List<String> names = chinese
                            ? List.of(String.join("_", words), String.join("", words) + "_backup",
                                    numbered(words, SecretLeakSuiteTest::keycap, ""), String.join("\u200B", words))
                            : List.of(String.join("_", words), String.join("-", words),
                                    "screenshot_" + String.join("_", map(words, x -> x.toUpperCase())),
                                    numbered(words, i -> EMOJI[i % EMOJI.length], "_"),
                                    numbered(map(words, x -> zwspInside(fullWidth(homoglyph(x)))),
                                            i -> i % 2 == 0 ? keycap(i) : EMOJI[i % EMOJI.length], "_"));
                    for (String base : names) {
                        for (String ext : List.of(".png", ".jpg", ".txt")) {
                            String name = base + ext;
                            String category = "file name " + (chinese ? "zh" : "en");
                            // What connectors keep as the name and in the path...
                            check(category + " (AttachmentFiles.safeName)", name, AttachmentFiles.safeName(name), words);
                            // ...and what the guard lets into the store when a connector passes the name through.
                            var in = new Inbound("web", "web:f" + rnd.nextInt(), "u", "", List.of(new Attachment(
                                    "/data/a/1-file" + ext, name, "image/png", 10)), null, "m", Instant.EPOCH);
                            InboundGuard.Verdict v = guard.check(in);
                            Inbound kept = v instanceof InboundGuard.Pass p ? p.in() : ((InboundGuard.Refuse) v).recorded();
                            check(category + " (InboundGuard)", name, kept.attachments().get(0).fileName(), words);
                        }
                    }
                }
            }
        }
        assertNoLeaks("file name ");
    }

    @Test
    void phrasesInAgentRepliesAndButtonPayloadsAreCaught() {
        for (String lang : LANGS) {
            boolean chinese = lang.startsWith("chinese");
            for (int length : LENGTHS) {
                for (boolean oneWrong : new boolean[] {false, true}) {
                    List<String> words = phrase(lang, length, 5L * length + 3, oneWrong);
                    Random rnd = new Random(length);
                    for (Form form : chinese ? CHINESE_FORMS : ENGLISH_FORMS) {
                        String p = form.write().apply(words, rnd);
                        // An agent's reply is refused (never sent or stored) when Secrets.contain says so: that is
                        // the check DeskService, the Telegram staff group and Discord make.
                        String reply = (chinese ? "您好，请导入下面的助记词：\n" : "Hi! Please import these words to restore:\n") + p;
                        tally("agent reply", !Secrets.contain(reply), reply);
                        if (!chinese) {
                            String zwspReply = "Hi! Please import: " + String.join(" ", map(words, SecretLeakSuiteTest::zwspInside));
                            tally("agent reply", !Secrets.contain(zwspReply), zwspReply);
                        }
                        var in = Inbound.button("web", "web:b", "u", "faq:" + p, "m", Instant.EPOCH);
                        InboundGuard.Verdict v = guard.check(in);
                        Inbound kept = v instanceof InboundGuard.Pass pass ? pass.in() : ((InboundGuard.Refuse) v).recorded();
                        check("button payload", in.button(), kept.button(), words);
                    }
                }
            }
        }
        assertNoLeaks("agent reply", "button payload");
    }

    // ------------------------------------------------------------------------------------------------------
    // Keys

    private static final List<String> HEX_CONTEXTS = List.of(
            "this is the private key of my wallet address, please check: {k}",
            "private key for address 0x52908400098527886E0F7030069857D2E4169EE7 is {k}",
            "私钥（钱包地址的）：{k}",
            "请帮我看看这个钱包地址对应的私钥 {k}",
            "my address's private key {k} can you see the balance",
            "私钥是{k}，地址是TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE",
            "PRIVATE KEY:\n{k}",
            "exported private key (from MetaMask, account 2, address 0xabc…): 0x{k}",
            "pk={k}",
            "这是我导出的私钥：0x{k} 为什么导入到别的钱包地址不一样");

    private static final List<String> SOLANA_CONTEXTS = List.of("{k}", "phantom export: {k}", "私钥：{k}",
            "my solana wallet key is {k} please check why balance is 0", "{k}\nthanks", "Solflare 导出的：\n{k}");

    private static KeyPair ed25519(long seed) throws Exception {
        SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
        r.setSeed(seed);
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        g.initialize(NamedParameterSpec.ED25519, r);
        return g.generateKeyPair();
    }

    /** Solana's 64-byte secret key: the 32-byte seed (end of the PKCS#8 encoding), then the public key (end of X.509). */
    static byte[] solanaSecret(long seed) throws Exception {
        KeyPair kp = ed25519(seed);
        byte[] priv = kp.getPrivate().getEncoded();
        byte[] pub = kp.getPublic().getEncoded();
        byte[] out = new byte[64];
        System.arraycopy(priv, priv.length - 32, out, 0, 32);
        System.arraycopy(pub, pub.length - 32, out, 32, 32);
        return out;
    }

    static String byteArray(byte[] b, String sep) {
        return IntStream.range(0, b.length).mapToObj(i -> String.valueOf(b[i] & 0xff)).collect(Collectors.joining(sep, "[", "]"));
    }

    @Test
    void keysInEveryExportedFormAreCaught() throws Exception {
        Random rnd = new Random(15);
        for (int i = 0; i < 40; i++) {
            String hex = SecretDetectorTest.hex64(rnd);
            for (String c : HEX_CONTEXTS) {
                checkKey("64-hex key, misleading context", c.replace("{k}", hex), hex);
                checkKey("64-hex key, misleading context", c.replace("{k}", fullWidth(hex)), hex);
            }
            byte[] sol = solanaSecret(i);
            String b58 = SecretDetectorTest.base58(sol);
            for (String c : SOLANA_CONTEXTS) {
                checkKey("Solana Base58 secret key", c.replace("{k}", b58), b58);
                checkKey("Solana Base58 secret key", c.replace("{k}", zwspInside(b58)), b58);
            }
            for (String sep : List.of(",", ", ", ",\n  ")) {
                String arr = byteArray(sol, sep);
                for (String c : List.of("{k}", "my keypair.json: {k}", "id.json 内容是 {k} 帮我看看")) {
                    checkKey("Solana byte-array secret key", c.replace("{k}", arr), arr.substring(1, 17));
                }
            }
            String seed = SecretDetectorTest.hex64(rnd) + SecretDetectorTest.hex64(rnd);
            for (String c : List.of("{k}", "seed: {k}", "0x{k}", "my bip39 seed is {k}", "种子：{k}", "wallet {k} help")) {
                checkKey("128-hex BIP-39 seed", c.replace("{k}", seed), seed);
            }
            String keypairHex = HexFormat.of().formatHex(sol);
            checkKey("128-hex Ed25519 keypair", "signature? " + keypairHex, keypairHex);
            String wif = SecretDetectorTest.wif(rnd, 0x80, true);
            String xprv = SecretDetectorTest.extendedKey(rnd, 0x0488ADE4, true);
            for (String c : List.of("{k}", "WIF: {k}", "导出的私钥 {k}")) {
                checkKey("WIF key", c.replace("{k}", wif), wif);
                checkKey("WIF key", c.replace("{k}", fullWidth(wif)), wif);
                checkKey("xprv key", c.replace("{k}", xprv), xprv);
                checkKey("xprv key", c.replace("{k}", zwspInside(xprv)), xprv);
            }
        }
        assertNoLeaks("64-hex", "Solana", "128-hex", "WIF", "xprv");
    }

    // ------------------------------------------------------------------------------------------------------
    // Measuring

    private void checkKey(String category, String text, String key) {
        String redacted = Secrets.redact(text);
        String plain = TextNormalizer.detection().normalize(redacted).text();
        boolean leak = !Secrets.contain(text) || plain.contains(key.substring(0, 16))
                || plain.contains(key.substring(key.length() - 16));
        tally(category, leak, text);
    }

    /** Leaks when nothing was found, or kept still holds 3 or more of the phrase's words in order. */
    private static void check(String category, String original, String kept, List<String> words) {
        boolean found = kept == null || !kept.equals(original);
        tally(category, !found || longestRun(kept, words) >= 3, original);
    }

    static int longestRun(String text, List<String> words) {
        if (text == null) {
            return 0;
        }
        List<String> tokens = tokens(text);
        List<String> want = words.stream().map(w -> tokens(w).get(0)).toList();
        int best = 0;
        for (int i = 0; i < tokens.size(); i++) {
            for (int j = 0; j < want.size(); j++) {
                int k = 0;
                while (i + k < tokens.size() && j + k < want.size() && tokens.get(i + k).equals(want.get(j + k))) {
                    k++;
                }
                best = Math.max(best, k);
            }
        }
        return best;
    }

    /** Latin words (lower case) and single Han chars of the detection-normalised text. */
    private static List<String> tokens(String text) {
        String n = TextNormalizer.detection().normalize(text).text().toLowerCase(java.util.Locale.ROOT);
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c >= 'a' && c <= 'z') {
                w.append(c);
                continue;
            }
            if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                out.add(String.valueOf(c));
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    private static synchronized void tally(String category, boolean leak, String example) {
        int[] t = TALLY.computeIfAbsent(category, k -> new int[2]);
        t[0]++;
        if (leak) {
            t[1]++;
            // Test phrases are generated, never real: showing one helps fix the rule.
            EXAMPLE.putIfAbsent(category, example);
        }
    }

    @AfterAll
    static void report() {
        int tried = 0;
        int leaks = 0;
        StringBuilder sb = new StringBuilder("SecretLeakSuiteTest:\n");
        for (var e : TALLY.entrySet()) {
            sb.append(String.format("  %-45s %6d tried %4d leaks%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
            tried += e.getValue()[0];
            leaks += e.getValue()[1];
        }
        sb.append(String.format("  %-45s %6d tried %4d leaks%n", "TOTAL", tried, leaks));
        EXAMPLE.forEach((k, v) -> sb.append("  leak example, ").append(k).append(": ").append(v.replace("\n", "\\n")).append('\n'));
        System.out.print(sb);
    }

    /** Every category whose name starts with one of the prefixes was tried, and none leaked. */
    private static void assertNoLeaks(String... prefixes) {
        for (String prefix : prefixes) {
            var mine = TALLY.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).toList();
            assertTrue(!mine.isEmpty(), "nothing tried for " + prefix);
            for (var e : mine) {
                assertEquals(0, e.getValue()[1], () -> e.getKey() + ": " + e.getValue()[1] + " of " + e.getValue()[0]
                        + " leaked, e.g. " + EXAMPLE.get(e.getKey()).length() + " chars");
            }
        }
    }
}

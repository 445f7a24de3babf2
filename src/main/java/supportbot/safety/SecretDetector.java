package supportbot.safety;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import supportbot.text.NormalizedText;
import supportbot.text.TextNormalizer;

/**
 * Finds wallet secrets in a chat message so they can be removed before anything is stored, logged or relayed.
 *
 * <p>Recognised: BIP-39 recovery phrases (English, Chinese simplified and traditional; checksum verified, or with
 * one word wrong), 64-hex private keys that the message labels as keys, 128-hex seeds, Solana keypairs (Base58 or
 * a JSON byte array; verified as Ed25519 keypairs), WIF keys and extended private keys (Base58Check verified), and
 * encrypted keystore JSON. The rules read the text as {@link TextNormalizer} normalises it, so disguised forms
 * (full-width, look-alike letters, invisible chars, emoji bullets) are read as plain ones; findings are offsets
 * in the raw text. Precision matters as much as recall (a false alarm deletes a normal message), so every rule is
 * backed by a checksum, a keypair check, an explicit label, or a measured randomness test; the rules are
 * described where they are applied. docs/secrets.md has the measurements.
 *
 * <p>Instances are immutable and thread-safe; {@link #standard()} returns a shared one.
 */
public final class SecretDetector {

    public static final String REDACTION = "[secret removed]";

    private static final class Holder {
        static final SecretDetector STANDARD = new SecretDetector(Bip39.loadFromClasspath());
    }

    /** The shared detector; the word lists are loaded from the classpath on first use. */
    public static SecretDetector standard() {
        return Holder.STANDARD;
    }

    private final Bip39 bip39;
    /** By English word index: one of {@link #EVERYDAY_ENGLISH}. */
    private final boolean[] everydayEnglish = new boolean[Bip39.WORDS];
    /** By English word index: one of {@link #EVERYDAY_ENGLISH} or {@link #SUPPORT_ENGLISH}. */
    private final boolean[] chatEnglish = new boolean[Bip39.WORDS];

    private SecretDetector(Bip39 bip39) {
        this.bip39 = bip39;
        for (String w : EVERYDAY_ENGLISH) {
            int i = bip39.english(w, 0, w.length());
            if (i < 0 || !bip39.englishWord(i).equals(w)) {
                throw new IllegalStateException("not a BIP-39 word: " + w);
            }
            everydayEnglish[i] = true;
            chatEnglish[i] = true;
        }
        for (String w : SUPPORT_ENGLISH) {
            int i = bip39.english(w, 0, w.length());
            if (i < 0 || !bip39.englishWord(i).equals(w)) {
                throw new IllegalStateException("not a BIP-39 word: " + w);
            }
            chatEnglish[i] = true;
        }
    }

    /** Every secret in text, ordered by start; empty for null or empty text. Never throws. */
    public List<Finding> scan(String text) {
        return scan(text, null);
    }

    public boolean containsSecret(String text) {
        return !scan(text).isEmpty();
    }

    /** text with every finding replaced by {@link #REDACTION}; text itself when nothing is found. */
    public String redact(String text) {
        List<Finding> findings = scan(text);
        if (findings.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int pos = 0;
        int i = 0;
        while (i < findings.size()) {
            int start = findings.get(i).start();
            int end = findings.get(i).end();
            i++;
            while (i < findings.size() && findings.get(i).start() < end) {
                end = Math.max(end, findings.get(i).end());
                i++;
            }
            sb.append(text, pos, start).append(REDACTION);
            pos = end;
        }
        sb.append(text, pos, text.length());
        return sb.toString();
    }

    /**
     * {@link #scan(String)} that also counts, into stats (may be null), how far phrase candidates got.
     *
     * <p>The rules read the text as {@link TextNormalizer#detection()} rewrites it (full-width, look-alike and
     * invisible chars undone, emoji bullets and underscores read as spaces, traditional Chinese as simplified),
     * and findings are mapped back to the raw text. A text with invisible chars is read a second time with them
     * as spaces: a zero-width space inside a word must vanish, one between words must separate them.
     */
    List<Finding> scan(String text, ScanStats stats) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        ScanStats st = stats == null ? new ScanStats() : stats;
        List<Finding> found = new ArrayList<>();
        scanNormalized(text, TextNormalizer.detection(), st, found);
        if (TextNormalizer.hasInvisible(text)) {
            scanNormalized(text, TextNormalizer.detectionSplit(), st, found);
        }
        return normalize(found);
    }

    private void scanNormalized(String raw, TextNormalizer normalizer, ScanStats stats, List<Finding> out) {
        NormalizedText n;
        try {
            n = normalizer.normalize(raw);
        } catch (RuntimeException | StackOverflowError e) {
            n = NormalizedText.identity(raw); // the raw text still gets every rule
        }
        Scan s = new Scan(n.text(), stats);
        try {
            s.tokenize();
        } catch (RuntimeException | StackOverflowError e) {
            // Tokens are needed by the phrase rules only; the other rules still run.
            s.tokenCount = 0;
        }
        Runnable[] steps = {s::englishPhrases, s::englishNearPhrases, s::chineseSeparatedPhrases,
                s::chineseSeparatedNearPhrases, s::chineseUnseparatedPhrases, s::alnumSecrets, s::byteArrayKeys,
                s::keystores};
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException | StackOverflowError e) {
                // A bug in one rule must not hide what the others found.
            }
        }
        for (Finding f : s.found) {
            out.add(new Finding(f.kind(), n.rawStart(f.start()), n.rawEnd(f.end())));
        }
    }

    /** Sorts, drops findings inside another one, and merges overlapping findings of the same kind. */
    private static List<Finding> normalize(List<Finding> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        found.sort(Comparator.comparingInt(Finding::start).thenComparing(Comparator.comparingInt(Finding::end).reversed()));
        List<Finding> out = new ArrayList<>(found.size());
        for (Finding f : found) {
            if (!out.isEmpty()) {
                Finding last = out.get(out.size() - 1);
                if (f.end() <= last.end()) {
                    continue; // contained
                }
                if (f.kind() == last.kind() && f.start() < last.end()) {
                    out.set(out.size() - 1, new Finding(last.kind(), last.start(), f.end()));
                    continue;
                }
            }
            out.add(f);
        }
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Rules and vocabularies

    /**
     * Chinese phrases must look random. The Chinese lists are the 2048 most frequent characters in frequency
     * order, so a real mnemonic (uniform indices) has a mean log2(index+1) of about 9.56, ordinary text much less
     * (about 7: it is dominated by the most frequent characters). Minimum mean by phrase length, as quantiles of
     * random mnemonics (2,000,000 simulated per length): lenient 0.01% (at most 1 real phrase in 10,000 lost),
     * normal 0.1%, strict 1%.
     */
    private static final double[] MIN_MEAN_LOG_RANK_LENIENT = new double[25];
    private static final double[] MIN_MEAN_LOG_RANK = new double[25];
    private static final double[] MIN_MEAN_LOG_RANK_STRICT = new double[25];

    static {
        Arrays.fill(MIN_MEAN_LOG_RANK_LENIENT, Double.MAX_VALUE);
        Arrays.fill(MIN_MEAN_LOG_RANK, Double.MAX_VALUE);
        Arrays.fill(MIN_MEAN_LOG_RANK_STRICT, Double.MAX_VALUE);
        double[] q0001 = {7.575, 7.816, 7.988, 8.123, 8.225};
        double[] q001 = {7.982, 8.168, 8.306, 8.413, 8.501};
        double[] q01 = {8.439, 8.572, 8.668, 8.743, 8.800};
        for (int i = 0; i < 5; i++) {
            MIN_MEAN_LOG_RANK_LENIENT[12 + 3 * i] = q0001[i];
            MIN_MEAN_LOG_RANK[12 + 3 * i] = q001[i];
            MIN_MEAN_LOG_RANK_STRICT[12 + 3 * i] = q01[i];
        }
    }

    /**
     * BIP-39 English words that are among the most frequent words of everyday (chat) English. A random mnemonic
     * draws each word with probability 59/2048, so a third of its words being from this set is very unlikely
     * (12 words: P(≥4) ≈ 3e-4; 24 words: P(≥8) ≈ 2e-7); in chat made of list words only ("thank you, all good
     * now, very happy, you can close this ticket") it is the rule.
     */
    private static final String[] EVERYDAY_ENGLISH = {
        "that", "have", "you", "this", "they", "say", "will", "one", "all", "there", "what", "about", "when", "make",
        "can", "like", "just", "know", "into", "then", "now", "only", "come", "over", "also", "want", "because",
        "any", "give", "must", "need", "thank", "please", "help", "hello", "sorry", "very", "again", "never",
        "always", "much", "more", "where", "okay", "still", "today", "already", "same", "such", "until", "once",
        "few", "between", "during", "above", "right", "wrong", "good", "way",
    };

    /**
     * BIP-39 words that wallet-support chat is full of. Only the rule without a checksum
     * ({@code englishNearPhrases}) uses them: telegraphic chat ("swap error again, token balance wrong, network
     * fee high, still wait, please check") can be all list words, but then half or more of them are from here or
     * {@link #EVERYDAY_ENGLISH}; a random phrase draws them with probability about 0.09 each, so half of 12 words
     * being chat words happens about 3 times in 10,000.
     */
    private static final String[] SUPPORT_ENGLISH = {
        "token", "coin", "swap", "fee", "network", "balance", "price", "error", "account", "transfer", "address",
        "deposit", "exchange", "bridge", "gas", "approve", "cancel", "confirm", "problem", "issue", "update", "phone",
        "sell", "trade", "market", "cash", "card", "lock", "unlock", "wait", "check", "fix", "high", "slow", "drop",
        "team", "version", "install", "open", "close", "code", "receive", "return", "time", "hour", "minute", "month",
        "day", "year", "order", "amount", "number", "limit", "screen", "page", "find", "miss", "delay", "soon", "old",
        "first", "next", "work", "real", "report", "ticket", "answer", "question", "message", "service", "reason",
        "change", "option", "security", "secret", "private", "key", "seed", "phrase", "word", "list", "system",
        "online", "connect", "mobile", "device", "laptop", "upgrade", "copy", "save", "total", "extra", "double",
        "half", "zero", "two", "three", "six", "seven", "eight", "ten", "hundred", "million", "cost", "charge",
        "rate", "profit", "protect", "safe", "risk", "trust", "correct", "tomorrow", "morning", "night",
    };

    /** Words that say a mnemonic is in the message: the context the Chinese rules relax for. */
    private static final Pattern PHRASE_CONTEXT = Pattern.compile(
            "(?i)助记|助記|记忆词|記憶詞|恢复短语|恢復短語|恢复词|恢復詞|种子|種子|私钥|私鑰|密钥|密鑰|秘钥|密语|密語|备份词|備份詞"
                    + "|(?<![a-z])(?:mnemonics?|seed|recovery|phrase)(?![a-z])");

    /** Keywords that bound an unseparated Chinese run ("我的助记词是的一是在…" → the run after 助记词是). */
    private static final String[] SPLIT_KEYWORDS = {
        "恢复短语", "恢復短語", "助记词", "助記詞", "恢复词", "恢復詞", "种子词", "種子詞", "记忆词", "記憶詞", "备份词", "備份詞",
        "助记", "助記", "种子", "種子", "私钥", "私鑰", "密钥", "密鑰", "密语", "密語",
    };

    private static final String SPLIT_KEYWORD_FIRST_CHARS =
            Arrays.stream(SPLIT_KEYWORDS).map(k -> k.substring(0, 1)).distinct().reduce("", String::concat);

    /** Words that make the 64-hex strings of a message private keys (anywhere in the message). */
    private static final String STRONG_KEY_WORDS = "(?<![a-z])(?:private|priv|secret|signing)[ _-]?keys?(?![a-z])"
            + "|(?<![a-z])privkeys?(?![a-z])"
            + "|(?<![a-z])(?:pk|priv)\\s*[:=：]"
            + "|私钥|私鑰|密钥|密鑰|秘钥|秘鑰";
    private static final Pattern KEY_WORDS = Pattern.compile("(?i)" + STRONG_KEY_WORDS);
    /** Labels that make the 64-hex string right after them a key: the words above, or just "key". */
    private static final Pattern KEY_LABELS = Pattern.compile("(?i)" + STRONG_KEY_WORDS + "|(?<![a-z])keys?(?![a-z])");

    /**
     * Labels that make a 64-hex string a hash, not a key, when nearer than any key label (even "private key"):
     * "my private key is fine, the txid is …".
     */
    private static final Pattern HASH_LABELS = Pattern.compile(
            "(?i)(?<![a-z])(?:tx(?:id|n|s|hash|[ _-]hash|[ _-]id)?|hash(?:es)?|transactions?|trx|block(?:[ _-]?hash)?"
                    + "|(?:public|pub)[ _-]?keys?|pubkeys?"
                    + "|sha[ _-]?(?:\\d+|3)(?:[ _-]?\\d+)?(?:sums?)?|md5|checksums?|digest|fingerprint|signatures?|sig|commit)(?![a-z])"
                    + "|交易|哈希|區塊|区块|公钥|公鑰|校验|校驗|签名|簽名|指纹");

    /**
     * Labels that name where a 64-hex string belongs rather than what it is (address, contract, order): nearer
     * than a plain "key" label they make it not a key, but an explicit private-key mention within
     * {@value #STRONG_WINDOW} chars before it wins ("the private key of my wallet address: …").
     */
    private static final Pattern PLACE_LABELS = Pattern.compile(
            "(?i)(?<![a-z])(?:address(?:es)?|addr|contract|order)(?![a-z])|地址|合约|合約|订单|訂單|单号|單號");

    /** How far before a 64-hex string its label is looked for. */
    private static final int LABEL_WINDOW = 40;
    /** How far before a 64-hex string an explicit private-key mention outweighs an address label. */
    private static final int STRONG_WINDOW = 80;

    /** A JSON byte array of 64 numbers: the Solana CLI keypair file ("[12,34,…]"). */
    private static final Pattern BYTE_ARRAY_64 = Pattern.compile("\\[\\s*(?:\\d{1,3}\\s*,\\s*){63}\\d{1,3}\\s*,?\\s*]");

    private static final Pattern KS_CIPHERTEXT = Pattern.compile("(?i)\\\\?[\"']ciphertext\\\\?[\"']\\s*:");
    private static final Pattern KS_CRYPTO = Pattern.compile("(?i)\\\\?[\"']crypto\\\\?[\"']\\s*:");
    private static final Pattern KS_KDF = Pattern.compile("(?i)\\\\?[\"']kdf(?:params)?\\\\?[\"']\\s*:");

    /** BIP-32 private versions: xprv tprv yprv uprv zprv vprv Yprv Uprv Zprv Vprv. */
    private static final int[] XPRV_VERSIONS = {
        0x0488ADE4, 0x04358394, 0x049D7878, 0x044A4E28, 0x04B2430C, 0x045F18BC,
        0x0295B005, 0x024285B5, 0x02AA7A99, 0x02575048,
    };

    private static final String ASCII_SEPARATORS = ",.;:!?()[]{}<>-/\\|*'\"`~#+=";

    /**
     * Characters allowed between the words of a phrase: whitespace, punctuation of both scripts, bullets and
     * list numbering (circled/parenthesised numbers, full-width digits). Short ASCII digit runs (≤ 2) are
     * handled by the tokenizer as numbering.
     */
    static boolean isSeparator(int cp) {
        if (cp < 128) {
            return cp <= ' ' || ASCII_SEPARATORS.indexOf(cp) >= 0;
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return true;
        }
        return cp == 0x00B7 || cp == 0xFEFF
                || (cp >= 0x200B && cp <= 0x200F)
                || (cp >= 0x2010 && cp <= 0x205E) // dashes, quotes, bullets, ellipsis
                || (cp >= 0x2190 && cp <= 0x21FF) // arrows
                || (cp >= 0x2460 && cp <= 0x24FF) // ① ⑴ ⒈ ⓪ ...
                || (cp >= 0x25A0 && cp <= 0x25FF) // ■ ● ○ bullets
                || (cp >= 0x2776 && cp <= 0x2793) // ❶ ➀ ...
                || (cp >= 0x3000 && cp <= 0x3003) // ideographic space 、。〃
                || (cp >= 0x3008 && cp <= 0x301F) // 〈〉《》「」『』【】〔〕
                || (cp >= 0x3220 && cp <= 0x325F) // ㈠ ㉑..㉟
                || (cp >= 0x3280 && cp <= 0x32BF) // ㊀ ㊱..㊿
                || (cp >= 0xFF01 && cp <= 0xFF20) // full-width punctuation and digits
                || (cp >= 0xFF3B && cp <= 0xFF40)
                || (cp >= 0xFF5B && cp <= 0xFF65);
    }

    private static boolean isHan(int cp) {
        if (cp >= 0x4E00 && cp <= 0x9FFF) {
            return true;
        }
        return cp >= 0x2E80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiAlnum(char c) {
        return isAsciiLetter(c) || isAsciiDigit(c) || c == '_';
    }

    private static boolean isHex(char c) {
        return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    // ---------------------------------------------------------------------------------------------------------
    // One scan

    private static final byte EN = 1;      // ASCII word (index >= 0 if a BIP-39 word)
    private static final byte HAN1 = 2;    // a single Han char with separators (or string ends) on both sides
    private static final byte HANRUN = 3;  // two or more consecutive Han chars
    private static final byte BREAK = 4;   // anything else that is not a separator

    private final class Scan {
        final String text;
        final ScanStats stats;
        final List<Finding> found = new ArrayList<>();
        MessageDigest sha;

        byte[] type = new byte[64];
        int[] start = new int[64];
        int[] end = new int[64];
        int[] enIndex = new int[64];
        int tokenCount;

        /** ASCII alnum runs [s, e) as pairs: candidates for hex keys and Base58 strings. */
        int[] alnum = new int[16];
        int alnumCount;

        Boolean phraseContext;

        Scan(String text, ScanStats stats) {
            this.text = text;
            this.stats = stats;
        }

        MessageDigest sha() {
            if (sha == null) {
                sha = Bip39.sha256();
            }
            return sha;
        }

        void add(byte t, int s, int e, int idx) {
            if (tokenCount == type.length) {
                int n = tokenCount * 2;
                type = Arrays.copyOf(type, n);
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
                enIndex = Arrays.copyOf(enIndex, n);
            }
            type[tokenCount] = t;
            start[tokenCount] = s;
            end[tokenCount] = e;
            enIndex[tokenCount] = idx;
            tokenCount++;
        }

        void tokenize() {
            String t = text;
            int n = t.length();
            int i = 0;
            while (i < n) {
                char c = t.charAt(i);
                if (isAsciiAlnum(c)) {
                    int s = i;
                    while (i < n && isAsciiAlnum(t.charAt(i))) {
                        i++;
                    }
                    if (alnumCount * 2 == alnum.length) {
                        alnum = Arrays.copyOf(alnum, alnum.length * 2);
                    }
                    alnum[alnumCount * 2] = s;
                    alnum[alnumCount * 2 + 1] = i;
                    alnumCount++;
                    int d = s;
                    while (d < i && isAsciiDigit(t.charAt(d))) {
                        d++;
                    }
                    if (d == i) {
                        if (i - s > 2) {
                            add(BREAK, s, i, -1); // a number, not list numbering
                        }
                        continue; // "1", "12": numbering, a separator
                    }
                    int l = d;
                    while (l < i && isAsciiLetter(t.charAt(l))) {
                        l++;
                    }
                    if (l == i && d - s <= 2) {
                        add(EN, d, i, bip39.english(t, d, i)); // "abandon", "12abandon"
                    } else {
                        add(BREAK, s, i, -1); // "0xabc", "abc123", "a_b"
                    }
                    continue;
                }
                int cp = t.codePointAt(i);
                if (isHan(cp)) {
                    int s = i;
                    int chars = 0;
                    while (i < n) {
                        cp = t.codePointAt(i);
                        if (!isHan(cp)) {
                            break;
                        }
                        i += Character.charCount(cp);
                        chars++;
                    }
                    add(chars == 1 ? HAN1 : HANRUN, s, i, -1);
                    continue;
                }
                int len = Character.charCount(cp);
                if (!isSeparator(cp)) {
                    add(BREAK, i, i + len, -1);
                }
                i += len;
            }
        }

        // ----- BIP-39, English

        /**
         * English: every window of 12/15/18/21/24 consecutive list words (full words, or their first 4 letters;
         * only separators and list numbering between them) whose checksum is valid. Windows of one run that
         * validate are merged, so the longest valid phrase (and any overlap) is covered. The checksum is the
         * precision rule: ordinary English rarely has 12 list words in a row (2-letter words and most function
         * words are not in the list), and 15 of 16 such windows fail the checksum. A checksum-valid window in which
         * a third or more of the words are everyday English ({@link #EVERYDAY_ENGLISH}) is prose, not a phrase.
         */
        void englishPhrases() {
            int[] idx = new int[Math.max(tokenCount, 1)];
            int[] pos = new int[Math.max(tokenCount, 1)];
            int n = 0;
            for (int k = 0; k <= tokenCount; k++) {
                if (k < tokenCount && type[k] == EN && enIndex[k] >= 0) {
                    idx[n] = enIndex[k];
                    pos[n] = k;
                    n++;
                } else {
                    if (n >= 12) {
                        englishWindows(idx, pos, n);
                    }
                    n = 0;
                }
            }
        }

        /** Checks every English window of words idx[0..n) and records valid ones; pos[i] is the token of word i. */
        private void englishWindows(int[] idx, int[] pos, int n) {
            for (int i = 0; i + 12 <= n; i++) {
                for (int len = Math.min(24, (n - i) / 3 * 3); len >= 12; len -= 3) {
                    stats.englishWindows++;
                    if (!Bip39.checksumValid(idx, i, len, sha())) {
                        continue;
                    }
                    stats.englishValid++;
                    if (everydayWords(idx, i, len) * 3 >= len) {
                        stats.englishRejectedAsProse++;
                        continue;
                    }
                    found.add(new Finding(SecretKind.RECOVERY_PHRASE, tokenStart(pos[i]), tokenEnd(pos[i + len - 1])));
                    break; // the longest valid phrase from this word
                }
            }
        }

        /**
         * A phrase with a word wrong (a typo, or a word changed on purpose so the checksum fails) still gives the
         * wallet away: the missing word is one of 2048, found by trying. So no checksum here: 11 or more list words
         * in a row, or two runs of list words with one other word between them (the wrong one) that have 11 or
         * more together. Ordinary English almost never has 11 list words in a row (2-letter words, "the", "and",
         * "is", "my" are not in the list); when it does, a third or more of them are everyday words (a random
         * phrase of 11 has 4 or more with probability about 2e-4) or half or more are everyday or support-chat
         * words ({@link #SUPPORT_ENGLISH}; about 3e-4).
         */
        void englishNearPhrases() {
            int prevStart = -1;
            int prevEnd = -1;
            int k = 0;
            while (k < tokenCount) {
                if (!isListWord(k)) {
                    k++;
                    continue;
                }
                int a = k;
                while (k < tokenCount && isListWord(k)) {
                    k++;
                }
                if (k - a >= 11) {
                    nearPhrase(a, k);
                }
                if (prevEnd >= 0 && a == prevEnd + 1 && isWordSlot(prevEnd) && (prevEnd - prevStart) + (k - a) >= 11) {
                    nearPhrase(prevStart, k);
                }
                prevStart = a;
                prevEnd = k;
            }
        }

        private boolean isListWord(int k) {
            return type[k] == EN && enIndex[k] >= 0;
        }

        /** A token that can stand where a word was mistyped: a word not in the list, or letters mixed with digits. */
        private boolean isWordSlot(int k) {
            if (type[k] == EN) {
                return true;
            }
            if (type[k] != BREAK || end[k] - start[k] > 12) {
                return false;
            }
            for (int i = start[k]; i < end[k]; i++) {
                if (isAsciiLetter(text.charAt(i))) {
                    return true;
                }
            }
            return false;
        }

        /** Tokens [a, b): list words, at most one other word. */
        private void nearPhrase(int a, int b) {
            stats.englishNear++;
            int words = 0;
            int everyday = 0;
            int chat = 0;
            for (int k = a; k < b; k++) {
                if (isListWord(k)) {
                    words++;
                    everyday += everydayEnglish[enIndex[k]] ? 1 : 0;
                    chat += chatEnglish[enIndex[k]] ? 1 : 0;
                }
            }
            if (everyday * 3 >= words || chat * 2 >= words) {
                stats.englishNearRejectedAsProse++;
                return;
            }
            // Next to a checksum-valid phrase, list words are more likely chatter ("… please help") than more of
            // the phrase: chat words and non-list words at the ends, outside the valid phrase, are left out.
            int vs = Integer.MAX_VALUE;
            int ve = -1;
            for (Finding f : found) {
                if (f.kind() == SecretKind.RECOVERY_PHRASE && f.start() < end[b - 1] && f.end() > start[a]) {
                    vs = Math.min(vs, f.start());
                    ve = Math.max(ve, f.end());
                }
            }
            if (ve >= 0) {
                while (a < b && start[a] < vs && (!isListWord(a) || chatEnglish[enIndex[a]])) {
                    a++;
                }
                while (b > a && end[b - 1] > ve && (!isListWord(b - 1) || chatEnglish[enIndex[b - 1]])) {
                    b--;
                }
                if (start[a] >= vs && end[b - 1] <= ve) {
                    return; // nothing beyond the valid phrase
                }
            }
            found.add(new Finding(SecretKind.RECOVERY_PHRASE, start[a], end[b - 1]));
        }

        private int everydayWords(int[] idx, int from, int len) {
            int n = 0;
            for (int k = from; k < from + len; k++) {
                if (everydayEnglish[idx[k]]) {
                    n++;
                }
            }
            return n;
        }

        // Virtual tokens (negative) stand for one char at offset -(v + 1).
        private int tokenStart(int p) {
            return p >= 0 ? start[p] : -(p + 1);
        }

        private int tokenEnd(int p) {
            return p >= 0 ? end[p] : -(p + 1) + 1;
        }

        // ----- BIP-39, Chinese with separators

        /**
         * Chinese words separated by spaces, newlines, commas, 、, numbering...: single list characters standing
         * alone. That is a strong signal, but not enough alone: people do space out ordinary Chinese ("我 的 钱 包
         * …"), and with sliding windows 1 in 16 of those would pass a 12-word checksum. Rule: no sliding windows:
         * the phrase is the whole sequence of separated list characters (bounded by anything else: a run of two or
         * more Han chars, Latin words, other symbols, string ends), or one line of it when it spans several lines
         * (two phrases pasted one under the other); its checksum is valid; and the characters look random (mean
         * log2(index+1) ≥ {@link #MIN_MEAN_LOG_RANK_LENIENT} when the message has a mnemonic keyword
         * ({@link #PHRASE_CONTEXT}), ≤ 0.01% of real phrases lost; else ≥ {@link #MIN_MEAN_LOG_RANK}, ≤ 0.1%). The
         * first/last word may be glued to the text around ("助记词是的 一 是 …"), so the sequence is also tried with
         * the last char of a preceding Han run and the first char of a following one.
         */
        void chineseSeparatedPhrases() {
            int[] idx = new int[tokenCount + 2];
            int[] pos = new int[tokenCount + 2];
            int k = 0;
            while (k < tokenCount) {
                if (!(type[k] == HAN1 && bip39.chinese(text.charAt(start[k])) >= 0)) {
                    k++;
                    continue;
                }
                int a = k;
                while (k < tokenCount && type[k] == HAN1 && bip39.chinese(text.charAt(start[k])) >= 0) {
                    k++;
                }
                int b = k; // tokens [a, b) are single list chars
                if (b - a < 10) {
                    continue;
                }
                int n = 0;
                if (a > 0 && type[a - 1] == HANRUN) {
                    int c = end[a - 1] - 1;
                    int v = bip39.chinese(text.charAt(c));
                    if (v >= 0) {
                        idx[n] = v;
                        pos[n++] = -(c + 1);
                    }
                }
                int coreStart = n;
                for (int j = a; j < b; j++) {
                    idx[n] = bip39.chinese(text.charAt(start[j]));
                    pos[n++] = j;
                }
                int coreEnd = n;
                if (b < tokenCount && type[b] == HANRUN) {
                    int c = start[b];
                    int v = bip39.chinese(text.charAt(c));
                    if (v >= 0) {
                        idx[n] = v;
                        pos[n++] = -(c + 1);
                    }
                }
                // The whole sequence, with or without the glued chars at its ends.
                int[] starts = coreStart == 0 ? new int[] {0} : new int[] {0, coreStart};
                int[] ends = coreEnd == n ? new int[] {n} : new int[] {coreEnd, n};
                for (int i : starts) {
                    for (int e : ends) {
                        chineseSeparatedCandidate(idx, pos, i, e - i);
                    }
                }
                // Each line of a sequence that spans several lines (two phrases pasted one per line).
                int lineStart = coreStart;
                for (int j = coreStart + 1; j <= coreEnd; j++) {
                    if (j == coreEnd || hasNewline(tokenEnd(pos[j - 1]), tokenStart(pos[j]))) {
                        if (lineStart > coreStart || j < coreEnd) {
                            chineseSeparatedCandidate(idx, pos, lineStart, j - lineStart);
                        }
                        lineStart = j;
                    }
                }
            }
        }

        /**
         * Separated Chinese with a word wrong: a sequence of single Han chars standing alone (separators between),
         * 11 or more of them list chars and at most one not, that looks random (mean log2(index+1) at least
         * {@link #MIN_MEAN_LOG_RANK} with a mnemonic keyword in the message, else {@link #MIN_MEAN_LOG_RANK_STRICT};
         * the thresholds of the nearest phrase length not above it). No checksum, so only the rank tells it from
         * spaced-out ordinary Chinese, which is dominated by the most frequent characters.
         */
        void chineseSeparatedNearPhrases() {
            int k = 0;
            while (k < tokenCount) {
                if (type[k] != HAN1) {
                    k++;
                    continue;
                }
                int a = k;
                while (k < tokenCount && type[k] == HAN1) {
                    k++;
                }
                if (k - a >= 11) {
                    chineseNearSequence(a, k);
                }
            }
        }

        /** Tokens [a, b) are single Han chars: each longest stretch with at most one non-list char is tried. */
        private void chineseNearSequence(int a, int b) {
            List<Integer> misses = new ArrayList<>();
            for (int k = a; k < b; k++) {
                if (bip39.chinese(text.charAt(start[k])) < 0) {
                    misses.add(k);
                }
            }
            int[] idx = new int[b - a];
            if (misses.isEmpty()) {
                chineseNearCandidate(a, b, -1, idx);
                return;
            }
            for (int i = 0; i < misses.size(); i++) {
                int lo = i == 0 ? a : misses.get(i - 1) + 1;
                int hi = i == misses.size() - 1 ? b : misses.get(i + 1);
                chineseNearCandidate(lo, hi, misses.get(i), idx);
            }
        }

        private void chineseNearCandidate(int a, int b, int miss, int[] idx) {
            int n = 0;
            for (int k = a; k < b; k++) {
                if (k != miss) {
                    idx[n++] = bip39.chinese(text.charAt(start[k]));
                }
            }
            if (n < 11 || (miss >= 0 && b - a < 12)) {
                return;
            }
            stats.chineseNear++;
            int len = Math.min(24, Math.max(12, n / 3 * 3));
            double[] min = phraseContext() ? MIN_MEAN_LOG_RANK : MIN_MEAN_LOG_RANK_STRICT;
            if (Bip39.meanLogRank(idx, 0, n) < min[len]) {
                stats.chineseNearRejectedByRank++;
                return;
            }
            found.add(new Finding(SecretKind.RECOVERY_PHRASE, start[a], end[b - 1]));
        }

        private boolean hasNewline(int from, int to) {
            for (int i = from; i < to; i++) {
                if (text.charAt(i) == '\n') {
                    return true;
                }
            }
            return false;
        }

        private void chineseSeparatedCandidate(int[] idx, int[] pos, int from, int len) {
            if (!Bip39.validLength(len)) {
                return;
            }
            stats.chineseSeparatedWindows++;
            if (!Bip39.checksumValid(idx, from, len, sha())) {
                return;
            }
            stats.chineseSeparatedValid++;
            double[] min = phraseContext() ? MIN_MEAN_LOG_RANK_LENIENT : MIN_MEAN_LOG_RANK;
            if (Bip39.meanLogRank(idx, from, len) < min[len]) {
                stats.chineseSeparatedRejectedByRank++;
                return;
            }
            found.add(new Finding(SecretKind.RECOVERY_PHRASE, tokenStart(pos[from]), tokenEnd(pos[from + len - 1])));
        }

        // ----- BIP-39, Chinese without separators

        /**
         * Chinese written as one run ("的一是在不了有和人这中大…"). The list is the 2048 most common characters, so
         * ordinary Chinese is full of list-character runs and sliding windows would alarm constantly. Rule:
         * <ol>
         *   <li>the maximal run of list characters, bounded by non-list characters, punctuation, string ends or a
         *       mnemonic keyword (+ 是/为/如下), is exactly 12/15/18/21/24 characters long (no sliding windows);</li>
         *   <li>its checksum is valid;</li>
         *   <li>it looks random, not like language: mean log2(index+1) at least {@link #MIN_MEAN_LOG_RANK} when
         *       the message has a mnemonic keyword ({@link #PHRASE_CONTEXT}: 助记词, 种子, 私钥, seed, mnemonic...;
         *       loses ≤ 0.1% of real phrases), else the stricter {@link #MIN_MEAN_LOG_RANK_STRICT} (≤ 1%). 钱包 is
         *       not such a keyword: in wallet support it is in almost every message;</li>
         *   <li>a 12-character run (only a 4-bit checksum) without a keyword must also stand alone on its line
         *       (only whitespace, punctuation or numbering around it).</li>
         * </ol>
         */
        void chineseUnseparatedPhrases() {
            for (int k = 0; k < tokenCount; k++) {
                if (type[k] != HANRUN || end[k] - start[k] < 12) {
                    continue;
                }
                int s = start[k];
                int e = end[k];
                boolean[] cut = keywordCuts(s, e);
                int i = s;
                while (i < e) {
                    if (cut[i - s] || bip39.chinese(text.charAt(i)) < 0) {
                        i++;
                        continue;
                    }
                    int a = i;
                    while (i < e && !cut[i - s] && bip39.chinese(text.charAt(i)) >= 0) {
                        i++;
                    }
                    unseparatedRun(a, i);
                }
            }
        }

        /** Marks the chars of mnemonic keywords (and a following 如下/是/为) in text[s, e). */
        private boolean[] keywordCuts(int s, int e) {
            boolean[] cut = new boolean[e - s];
            for (int at = s; at < e; at++) {
                if (SPLIT_KEYWORD_FIRST_CHARS.indexOf(text.charAt(at)) < 0) {
                    continue;
                }
                for (String kw : SPLIT_KEYWORDS) {
                    if (at + kw.length() <= e && text.startsWith(kw, at)) {
                        int stop = at + kw.length();
                        if (stop + 2 <= e && text.startsWith("如下", stop)) {
                            stop += 2;
                        }
                        if (stop < e && "是为為".indexOf(text.charAt(stop)) >= 0) {
                            stop++;
                        }
                        Arrays.fill(cut, at - s, stop - s, true);
                        break; // longest first
                    }
                }
            }
            return cut;
        }

        private void unseparatedRun(int a, int b) {
            int len = b - a;
            if (!Bip39.validLength(len)) {
                return;
            }
            int[] idx = new int[len];
            for (int j = 0; j < len; j++) {
                idx[j] = bip39.chinese(text.charAt(a + j));
            }
            stats.chineseRuns++;
            if (!Bip39.checksumValid(idx, 0, len, sha())) {
                // One word wrong: with a mnemonic keyword in the message, or alone on its line, a random-looking
                // run of exactly a phrase's length is still a phrase.
                if ((phraseContext() || aloneOnLine(a, b)) && Bip39.meanLogRank(idx, 0, len) >= MIN_MEAN_LOG_RANK_STRICT[len]) {
                    stats.chineseRunsAcceptedWithoutChecksum++;
                    found.add(new Finding(SecretKind.RECOVERY_PHRASE, a, b));
                }
                return;
            }
            stats.chineseRunsChecksumValid++;
            boolean keyword = phraseContext();
            double[] min = keyword ? MIN_MEAN_LOG_RANK : MIN_MEAN_LOG_RANK_STRICT;
            if (Bip39.meanLogRank(idx, 0, len) < min[len]) {
                stats.chineseRunsRejectedByRank++;
                return;
            }
            if (len == 12 && !keyword && !aloneOnLine(a, b)) {
                stats.chineseRunsRejectedByContext++;
                return;
            }
            stats.chineseRunsAccepted++;
            found.add(new Finding(SecretKind.RECOVERY_PHRASE, a, b));
        }

        private boolean phraseContext() {
            if (phraseContext == null) {
                phraseContext = PHRASE_CONTEXT.matcher(text).find();
            }
            return phraseContext;
        }

        /** Only separators, numbering and whitespace between text[a, b) and its line's ends. */
        private boolean aloneOnLine(int a, int b) {
            for (int i = a - 1; i >= 0; i--) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    break;
                }
                if (!isAsciiDigit(c) && !isSeparator(c)) {
                    return false;
                }
            }
            for (int i = b; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    break;
                }
                if (!isAsciiDigit(c) && !isSeparator(c)) {
                    return false;
                }
            }
            return true;
        }

        // ----- hex keys, WIF, extended keys

        void alnumSecrets() {
            List<int[]> hex = null;
            for (int r = 0; r < alnumCount; r++) {
                int s = alnum[2 * r];
                int e = alnum[2 * r + 1];
                int len = e - s;
                if (len == 64 && allHex(s, e)) {
                    (hex == null ? hex = new ArrayList<>() : hex).add(new int[] {s, e});
                } else if (len == 66 && text.charAt(s) == '0' && (text.charAt(s + 1) | 0x20) == 'x' && allHex(s + 2, e)) {
                    (hex == null ? hex = new ArrayList<>() : hex).add(new int[] {s, e});
                } else if ((len == 51 || len == 52) && "5KL9c".indexOf(text.charAt(s)) >= 0) {
                    if (isWif(s, e)) {
                        found.add(new Finding(SecretKind.WIF_KEY, s, e));
                    }
                } else if (len >= 110 && len <= 112) {
                    if (isExtendedPrivateKey(s, e)) {
                        found.add(new Finding(SecretKind.EXTENDED_PRIVATE_KEY, s, e));
                    }
                } else if (len >= 86 && len <= 88) {
                    if (Ed25519Keypair.isKeypair(Base58Check.decode(text, s, e))) {
                        found.add(new Finding(SecretKind.SOLANA_KEYPAIR, s, e));
                    }
                } else if ((len == 128 && allHex(s, e))
                        || (len == 130 && text.charAt(s) == '0' && (text.charAt(s + 1) | 0x20) == 'x' && allHex(s + 2, e))) {
                    seedHex(s, e);
                }
            }
            if (hex != null) {
                hexKeys(hex);
            }
        }

        private boolean allHex(int s, int e) {
            for (int i = s; i < e; i++) {
                if (!isHex(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        /**
         * A 64-hex string (with or without 0x) is also what a transaction hash looks like, so it is a private key
         * only when the message speaks of a key, and no other label is nearer in the {@value #LABEL_WINDOW} chars
         * before it: a hash/tx/public key/signature label ({@link #HASH_LABELS}) nearer than any key label makes
         * it a hash; an address/contract/order label ({@link #PLACE_LABELS}) nearer than the key label does too,
         * unless an explicit private-key word ({@link #KEY_WORDS}: private key, privkey, 私钥, 密钥...) is within
         * {@value #STRONG_WINDOW} chars before it: "the private key of my wallet address, please check: …" is a
         * key. "Speaks of a key" is a {@link #KEY_WORDS} word anywhere in the message, or a plain "key" label right
         * before the string.
         */
        private void hexKeys(List<int[]> hex) {
            boolean keyMessage = KEY_WORDS.matcher(text).find();
            Matcher strong = KEY_WORDS.matcher(text).useTransparentBounds(true);
            Matcher key = KEY_LABELS.matcher(text).useTransparentBounds(true);
            Matcher hash = HASH_LABELS.matcher(text).useTransparentBounds(true);
            Matcher place = PLACE_LABELS.matcher(text).useTransparentBounds(true);
            for (int[] h : hex) {
                int from = Math.max(0, h[0] - LABEL_WINDOW);
                int lastKey = lastMatchEnd(key, from, h[0]);
                if (!keyMessage && lastKey < 0) {
                    continue;
                }
                int lastHash = lastMatchEnd(hash, from, h[0]);
                if (lastHash >= 0 && lastHash >= lastKey) {
                    continue; // labelled as a hash, public key, signature...
                }
                int lastPlace = lastMatchEnd(place, from, h[0]);
                if (lastPlace >= 0 && lastPlace >= lastKey
                        && lastMatchEnd(strong, Math.max(0, h[0] - STRONG_WINDOW), h[0]) < 0) {
                    continue; // an address or contract, and no private key mentioned just before
                }
                found.add(new Finding(SecretKind.PRIVATE_KEY, h[0], h[1]));
            }
        }

        /**
         * 128 hex digits are 64 bytes: a BIP-39 seed (what the phrase turns into, and all a thief needs) or an
         * Ed25519 keypair in hex. Tx hashes are 32 bytes; the 64-byte things people paste in support chats are
         * signatures, so the only way out is a hash/signature label nearer than any key label.
         */
        private void seedHex(int s, int e) {
            int h = (e - s) == 130 ? s + 2 : s;
            byte[] bytes = java.util.HexFormat.of().parseHex(text, h, e);
            if (Ed25519Keypair.isKeypair(bytes)) {
                found.add(new Finding(SecretKind.SOLANA_KEYPAIR, s, e));
                return;
            }
            int from = Math.max(0, s - LABEL_WINDOW);
            int lastKey = lastMatchEnd(KEY_LABELS.matcher(text).useTransparentBounds(true), from, s);
            int lastHash = lastMatchEnd(HASH_LABELS.matcher(text).useTransparentBounds(true), from, s);
            if (lastHash >= 0 && lastHash >= lastKey) {
                return;
            }
            found.add(new Finding(SecretKind.SEED_HEX, s, e));
        }

        /**
         * The Solana CLI's keypair file is a JSON array of the 64 bytes ("[174,47,…]"); it is a secret when the
         * bytes are a keypair (see {@link Ed25519Keypair}).
         */
        void byteArrayKeys() {
            if (text.indexOf('[') < 0) {
                return;
            }
            Matcher m = BYTE_ARRAY_64.matcher(text);
            while (m.find()) {
                byte[] bytes = new byte[64];
                int n = 0;
                boolean ok = true;
                for (String part : text.substring(m.start() + 1, m.end() - 1).split(",")) {
                    String p = part.strip();
                    if (p.isEmpty()) {
                        continue;
                    }
                    int v = Integer.parseInt(p);
                    if (v > 255 || n == 64) {
                        ok = false;
                        break;
                    }
                    bytes[n++] = (byte) v;
                }
                if (ok && n == 64 && Ed25519Keypair.isKeypair(bytes)) {
                    found.add(new Finding(SecretKind.SOLANA_KEYPAIR, m.start(), m.end()));
                }
            }
        }

        private int lastMatchEnd(Matcher m, int from, int to) {
            m.region(from, to);
            int last = -1;
            while (m.find()) {
                last = m.end();
            }
            return last;
        }

        /** WIF: Base58Check of 0x80 (mainnet) or 0xef (testnet) + 32 bytes (+ 0x01 when compressed). */
        private boolean isWif(int s, int e) {
            byte[] p = Base58Check.decodeChecked(text, s, e, sha());
            if (p == null) {
                return false;
            }
            int version = p[0] & 0xff;
            if (version != 0x80 && version != 0xef) {
                return false;
            }
            return p.length == 33 || (p.length == 34 && p[33] == 0x01);
        }

        /** Extended private key: Base58Check of 78 bytes starting with a private BIP-32 version. */
        private boolean isExtendedPrivateKey(int s, int e) {
            byte[] p = Base58Check.decodeChecked(text, s, e, sha());
            if (p == null || p.length != 78) {
                return false;
            }
            int version = ((p[0] & 0xff) << 24) | ((p[1] & 0xff) << 16) | ((p[2] & 0xff) << 8) | (p[3] & 0xff);
            for (int v : XPRV_VERSIONS) {
                if (v == version) {
                    return true;
                }
            }
            return false;
        }

        // ----- keystore JSON

        /**
         * An encrypted keystore: a "ciphertext": key with "crypto": and "kdf":/"kdfparams": keys in the same
         * top-level {...} object (braces counted, unclosed runs to the end of text). The whole object is the
         * finding. Without an enclosing brace (a partial paste) the finding runs from the first of the keys to the
         * end of the text.
         */
        void keystores() {
            Matcher ct = KS_CIPHERTEXT.matcher(text);
            if (!ct.find()) {
                return;
            }
            List<int[]> objects = topLevelObjects();
            int fallbackStart = -2; // not computed yet
            do {
                int at = ct.start();
                int[] obj = null;
                for (int[] o : objects) {
                    if (o[0] <= at && at < o[1]) {
                        obj = o;
                        break;
                    }
                }
                if (obj != null) {
                    Matcher crypto = KS_CRYPTO.matcher(text).region(obj[0], obj[1]);
                    Matcher kdf = KS_KDF.matcher(text).region(obj[0], obj[1]);
                    if (crypto.find() && kdf.find()) {
                        found.add(new Finding(SecretKind.KEYSTORE_JSON, obj[0], obj[1]));
                    }
                } else {
                    if (fallbackStart == -2) {
                        Matcher crypto = KS_CRYPTO.matcher(text);
                        Matcher kdf = KS_KDF.matcher(text);
                        fallbackStart = crypto.find() && kdf.find() ? Math.min(crypto.start(), kdf.start()) : -1;
                    }
                    if (fallbackStart >= 0) {
                        found.add(new Finding(SecretKind.KEYSTORE_JSON, Math.min(at, fallbackStart), text.length()));
                    }
                }
            } while (ct.find());
        }

        private List<int[]> topLevelObjects() {
            List<int[]> out = new ArrayList<>();
            int depth = 0;
            int open = -1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '{') {
                    if (depth == 0) {
                        open = i;
                    }
                    depth++;
                } else if (c == '}' && depth > 0) {
                    depth--;
                    if (depth == 0) {
                        out.add(new int[] {open, i + 1});
                    }
                }
            }
            if (depth > 0) {
                out.add(new int[] {open, text.length()});
            }
            return out;
        }
    }
}

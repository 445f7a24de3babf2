package supportbot.text;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Map;

/**
 * Rewrites a text into the plain form that matching code reads, so that the many ways of typing the same words
 * (full-width letters, invisible chars inside words, look-alike letters, emoji used as bullets, traditional or
 * simplified Chinese) all read the same. Only for reading: what is stored or shown is always the raw text, and
 * {@link NormalizedText} maps every normalised char back to it.
 *
 * <p>Per code point, in this order:
 * <ol>
 *   <li>invisible chars (zero-width space/joiner/non-joiner, BOM, soft hyphen, bidi controls, NUL and other
 *       control chars, variation selectors, the keycap mark, emoji skin tones, Hangul fillers) are dropped, or
 *       read as a space with {@link Options#invisibleAsSpace()}: whether one splits or joins words depends on
 *       where it was put, so a reader that cares reads both;</li>
 *   <li>every space char (NBSP, ideographic space, thin spaces...) and tab is a space, line/paragraph separators
 *       are newlines, {@code _} is a space (words joined by underscores are still words);</li>
 *   <li>NFKD (full-width and other compatibility forms: Ａ→A, １→1, ①→1, ⓐ→a, ﬁ→fi), then combining marks dropped
 *       ({@link Options#stripMarks()}: àbändon → abandon), then NFC;</li>
 *   <li>Cyrillic, Greek and other letters that look like Latin ones become those ({@link Options#foldLookalikes()});
 *   </li>
 *   <li>emoji and other pictographic symbols become a space (a 🔑 or ✅ used as a list bullet separates words),
 *       and so do enclosed CJK numbers (㈠, ㊀), whose compatibility form would insert Han numerals;</li>
 *   <li>Han chars become simplified Chinese ({@link Options#toSimplified()}, ICU's "Traditional-Simplified"), one
 *       char at a time so offsets stay exact.</li>
 * </ol>
 *
 * <p>Case is kept: case-sensitive encodings (Base58) must survive. Thread-safe.
 */
public final class TextNormalizer {

    /**
     * @param invisibleAsSpace   invisible chars read as a space instead of nothing
     * @param foldLookalikes     Cyrillic/Greek/... letters that look Latin become Latin (wrong for real Russian or
     *                           Greek text, right when someone disguises Latin words)
     * @param stripMarks         combining accents are dropped (é → e)
     * @param toSimplified       traditional Chinese becomes simplified
     */
    public record Options(boolean invisibleAsSpace, boolean foldLookalikes, boolean stripMarks, boolean toSimplified) {
        /** For secret detection: everything that can disguise a word is undone. */
        public static final Options DETECTION = new Options(false, true, true, true);
        /** {@link #DETECTION}, but invisible chars separate words (a phrase written with zero-width spaces between). */
        public static final Options DETECTION_SPLIT = new Options(true, true, true, true);
        /** For intents and FAQ search: the text a person reads, without folding foreign scripts into Latin. */
        public static final Options READING = new Options(false, false, false, true);
    }

    private static final TextNormalizer DETECTION = new TextNormalizer(Options.DETECTION);
    private static final TextNormalizer DETECTION_SPLIT = new TextNormalizer(Options.DETECTION_SPLIT);
    private static final TextNormalizer READING = new TextNormalizer(Options.READING);

    public static TextNormalizer detection() {
        return DETECTION;
    }

    public static TextNormalizer detectionSplit() {
        return DETECTION_SPLIT;
    }

    public static TextNormalizer reading() {
        return READING;
    }

    /** True for null, empty, or only whitespace and invisible chars (NBSP, zero-width space, BOM, NUL...). */
    public static boolean isBlank(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !isInvisible(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    /** True when text has a char that {@link Options#invisibleAsSpace()} reads differently. */
    public static boolean hasInvisible(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp >= 0x80 || cp < 0x20) {
                if (cp != '\n' && cp != '\r' && cp != '\t' && isInvisible(cp)) {
                    return true;
                }
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private final Options options;
    /** What each BMP char (beyond ASCII) becomes, filled on first sight. */
    private final String[] bmp = new String[0x10000];

    private TextNormalizer(Options options) {
        this.options = options;
    }

    public static TextNormalizer of(Options options) {
        return new TextNormalizer(options);
    }

    public Options options() {
        return options;
    }

    /** The normalised form of text (null reads as empty). */
    public NormalizedText normalize(String text) {
        String raw = text == null ? "" : text;
        int n = raw.length();
        StringBuilder out = new StringBuilder(n);
        int[] starts = new int[n + 8];
        int[] ends = new int[n + 8];
        int i = 0;
        while (i < n) {
            int cp = raw.codePointAt(i);
            int len = Character.charCount(cp);
            int before = out.length();
            appendNormalized(cp, out);
            int after = out.length();
            if (after > starts.length) {
                int size = Math.max(after, starts.length * 2);
                starts = java.util.Arrays.copyOf(starts, size);
                ends = java.util.Arrays.copyOf(ends, size);
            }
            for (int k = before; k < after; k++) {
                starts[k] = i;
                ends[k] = i + len;
            }
            i += len;
        }
        return new NormalizedText(raw, out.toString(), starts, ends);
    }

    private void appendNormalized(int cp, StringBuilder out) {
        if (cp < 0x80) {
            if (cp >= 0x20 && cp != 0x7F) {
                out.append(cp == '_' ? ' ' : (char) cp);
            } else if (cp == '\n' || cp == '\r') {
                out.append((char) cp);
            } else if (cp == '\t' || cp == 0x0B || cp == 0x0C) {
                out.append(' ');
            } else if (options.invisibleAsSpace()) {
                out.append(' ');
            }
            return;
        }
        if (cp <= 0xFFFF) {
            // Unicode normalisation allocates; a BMP char always maps the same way under these options.
            String known = bmp[cp];
            if (known == null) {
                StringBuilder one = new StringBuilder(2);
                appendNonAscii(cp, one);
                known = one.toString();
                bmp[cp] = known; // a racing thread stores an equal string
            }
            out.append(known);
            return;
        }
        appendNonAscii(cp, out);
    }

    private void appendNonAscii(int cp, StringBuilder out) {
        if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
            out.append('\n');
            return;
        }
        if (isInvisible(cp)) {
            if (options.invisibleAsSpace()) {
                out.append(' ');
            }
            return;
        }
        if (Character.isSpaceChar(cp) || Character.isWhitespace(cp)) {
            out.append(' ');
            return;
        }
        if ((cp >= 0x3200 && cp <= 0x32FF) || (cp >= 0x1F100 && cp <= 0x1F2FF)) {
            out.append(' '); // enclosed CJK and enclosed alphanumeric supplement: bullets, not words
            return;
        }
        if (isHan(cp)) {
            if (cp >= 0xF900 && cp <= 0xFAFF) {
                cp = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC).codePointAt(0);
            }
            out.appendCodePoint(options.toSimplified() ? simplified(cp) : cp);
            return;
        }
        String s = new String(Character.toChars(cp));
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        if (d.equals(s) && isPictographic(cp)) {
            out.append(' ');
            return;
        }
        StringBuilder part = new StringBuilder(d.length());
        for (int j = 0; j < d.length(); ) {
            int c = d.codePointAt(j);
            j += Character.charCount(c);
            int type = Character.getType(c);
            if (options.stripMarks() && (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) && !isIndicLike(c)) {
                continue;
            }
            if (c == '_') {
                part.append(' ');
                continue;
            }
            if (Character.isSpaceChar(c)) {
                part.append(' ');
                continue;
            }
            if (isHan(c)) {
                part.appendCodePoint(options.toSimplified() ? simplified(c) : c); // Kangxi radicals: ⼀ → 一
                continue;
            }
            if (options.foldLookalikes()) {
                Character latin = LOOKALIKES.get(c);
                if (latin != null) {
                    part.append(latin.charValue());
                    continue;
                }
            }
            part.appendCodePoint(c);
        }
        out.append(part.length() == 0 ? "" : Normalizer.normalize(part, Normalizer.Form.NFC));
    }

    /** Marks that are letters' vowels in Brahmic scripts: dropping them would garble, not unmask. */
    private static boolean isIndicLike(int cp) {
        return cp >= 0x0900 && cp <= 0x0DFF;
    }

    /** Format and control chars, variation selectors, keycap, skin tones, fillers: chars that show nothing. */
    static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.CONTROL || type == Character.SURROGATE) {
            return cp != '\n' && cp != '\r' && cp != '\t';
        }
        return (cp >= 0xFE00 && cp <= 0xFE0F)      // variation selectors (emoji/text presentation)
                || (cp >= 0xE0100 && cp <= 0xE01EF) // variation selectors supplement
                || cp == 0x20E3                     // combining enclosing keycap: 1️⃣
                || cp == 0x034F                     // combining grapheme joiner
                || (cp >= 0x1F3FB && cp <= 0x1F3FF) // emoji skin tones
                || cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 // Hangul fillers
                || cp == 0x2800;                    // braille blank
    }

    private static boolean isPictographic(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || (cp >= 0x1F000 && cp <= 0x1FAFF);
    }

    private static boolean isHan(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x20000 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }

    // ----- traditional → simplified

    private static final Object ICU_LOCK = new Object();
    private static Transliterator toSimplified;
    /** Simplified form by BMP char, filled on first sight (0: not looked up yet). */
    private static final char[] SIMPLIFIED = new char[0x10000];

    private static int simplified(int cp) {
        if (cp > 0xFFFF) {
            return cp; // the lists a reader matches are in the BMP; ICU would be asked for little gain
        }
        char known = SIMPLIFIED[cp];
        if (known != 0) {
            return known;
        }
        String r;
        synchronized (ICU_LOCK) {
            if (toSimplified == null) {
                toSimplified = Transliterator.getInstance("Traditional-Simplified");
            }
            // Transliterator instances are not documented as thread-safe: one caller at a time.
            r = toSimplified.transliterate(String.valueOf((char) cp));
        }
        char c = r.length() == 1 ? r.charAt(0) : (char) cp;
        SIMPLIFIED[cp] = c; // a racing thread writes the same value
        return c;
    }

    // ----- look-alike letters

    private static final Map<Integer, Character> LOOKALIKES = lookalikes(
            // Cyrillic
            "аa", "вb", "еe", "ёe", "кk", "мm", "нh", "оo", "пn", "рp", "сc", "тt", "уy", "хx", "ѕs", "іi", "їi", "јj",
            "ԁd", "һh", "ӏl", "ԛq", "ԝw", "ьb", "ѡw", "үy", "ɡg",
            "АA", "ВB", "ЕE", "ЁE", "КK", "МM", "НH", "ОO", "РP", "СC", "ТT", "УY", "ХX", "ЅS", "ІI", "ЇI", "ЈJ", "ԚQ",
            "ԜW", "ҮY", "ӀI",
            // Greek
            "αa", "βb", "γy", "εe", "ιi", "κk", "νv", "οo", "ρp", "τt", "υu", "χx", "ωw", "ϲc", "ϳj",
            "ΑA", "ΒB", "ΕE", "ΖZ", "ΗH", "ΙI", "ΚK", "ΜM", "ΝN", "ΟO", "ΡP", "ΤT", "ΥY", "ΧX", "ϹC",
            // Armenian
            "օo", "սu", "ոn", "հh", "ցg",
            // Latin variants that NFKD keeps
            "ıi", "ȷj", "ɑa", "ɩi", "ʏy", "ɪi", "ʀr", "ꜱs", "ᴀa", "ᴄc", "ᴅd", "ᴇe", "ᴋk", "ᴍm", "ᴏo", "ᴘp", "ᴛt",
            "ᴜu", "ᴠv", "ᴡw", "ᴢz");

    private static Map<Integer, Character> lookalikes(String... pairs) {
        var m = new java.util.HashMap<Integer, Character>();
        for (String p : pairs) {
            m.put(p.codePointAt(0), p.charAt(p.length() - 1));
        }
        return Map.copyOf(m);
    }
}

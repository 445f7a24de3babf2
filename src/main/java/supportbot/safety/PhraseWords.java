package supportbot.safety;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of one recovery phrase that reached the bot in pieces, and where runs of them occur in other text:
 * a transcript line, a ticket's description, the raw bytes of the data file. Copies may have been reformatted
 * on the way (trimmed, joined with newlines, JSON-escaped), so a copy is any run of {@link #MIN_RUN} or more
 * consecutive phrase words, in phrase order, with only separators or list numbering between them.
 *
 * <p>Holds the secret itself: keep an instance only while the clean-up it serves runs.
 */
public final class PhraseWords {
    /** Fewer consecutive words are too common to be a copy (and reveal little: 3 words are 33 of 128+ bits). */
    static final int MIN_RUN = PartShape.MIN_RUN;

    private final List<String> words;
    /** Word to its positions in the phrase. */
    private final Map<String, List<Integer>> positions = new HashMap<>();

    PhraseWords(List<String> words) {
        this.words = List.copyOf(words);
        for (int i = 0; i < this.words.size(); i++) {
            positions.computeIfAbsent(this.words.get(i), k -> new ArrayList<>()).add(i);
        }
    }

    /** The words (lower-case English words, or single Chinese characters) of text[start, end). */
    static List<String> wordsOf(String text, int start, int end) {
        var out = new ArrayList<String>();
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (isAsciiLetter(c)) {
                int s = i;
                while (i < end && isAsciiLetter(text.charAt(i))) {
                    i++;
                }
                out.add(text.substring(s, i).toLowerCase(Locale.ROOT));
                continue;
            }
            if (isHan(c)) {
                out.add(String.valueOf(c));
            }
            i++;
        }
        return out;
    }

    int size() {
        return words.size();
    }

    /** text with every copy replaced by {@link SecretDetector#REDACTION}; text itself when there is none. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<int[]> spans = spans(Tokens.of(text));
        if (spans.isEmpty()) {
            return text;
        }
        var sb = new StringBuilder(text.length());
        int pos = 0;
        for (int[] s : spans) {
            sb.append(text, pos, s[0]).append(SecretDetector.REDACTION);
            pos = s[1];
        }
        return sb.append(text, pos, text.length()).toString();
    }

    private List<int[]> spans(Tokens t) {
        var out = new ArrayList<int[]>();
        int k = 0;
        while (k < t.count) {
            int best = 0;
            List<Integer> at = positions.get(t.word.get(k));
            if (at != null) {
                for (int p : at) {
                    int len = 0;
                    while (k + len < t.count && p + len < words.size() && t.word.get(k + len).equals(words.get(p + len))
                            && (len == 0 || t.joined[k + len])) {
                        len++;
                    }
                    best = Math.max(best, len);
                }
            }
            if (best >= MIN_RUN) {
                int start = t.start[k];
                int end = t.end[k + best - 1];
                if (!out.isEmpty() && out.get(out.size() - 1)[1] >= start) {
                    out.get(out.size() - 1)[1] = end;
                } else {
                    out.add(new int[] {start, end});
                }
                k += best;
            } else {
                k++;
            }
        }
        return out;
    }

    private static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isHan(int cp) {
        return cp >= 0x2E80 && cp < 0x10000 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /**
     * Word tokens with their offsets; joined[k]: only separators lie between token k-1 and token k. In raw bytes
     * a double quote or bracket ends a run, so a span never crosses a JSON string: overwriting it keeps every
     * record readable.
     */
    private static final class Tokens {
        final List<String> word = new ArrayList<>();
        int[] start = new int[16];
        int[] end = new int[16];
        boolean[] joined = new boolean[16];
        int count;
        boolean broken = true;

        void add(String w, int s, int e) {
            if (count == start.length) {
                start = java.util.Arrays.copyOf(start, count * 2);
                end = java.util.Arrays.copyOf(end, count * 2);
                joined = java.util.Arrays.copyOf(joined, count * 2);
            }
            word.add(w);
            start[count] = s;
            end[count] = e;
            joined[count] = !broken;
            broken = false;
            count++;
        }

        static Tokens of(String text) {
            Tokens t = new Tokens();
            int n = text.length();
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (isAsciiLetter(c)) {
                    int s = i;
                    while (i < n && isAsciiLetter(text.charAt(i))) {
                        i++;
                    }
                    t.add(text.substring(s, i).toLowerCase(Locale.ROOT), s, i);
                    continue;
                }
                int cp = text.codePointAt(i);
                int len = Character.charCount(cp);
                if (isHan(cp)) {
                    t.add(String.valueOf(c), i, i + 1);
                } else if (!(c >= '0' && c <= '9') && !SecretDetector.isSeparator(cp)) {
                    t.broken = true;
                }
                i += len;
            }
            return t;
        }
    }
}

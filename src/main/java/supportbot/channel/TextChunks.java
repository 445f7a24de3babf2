package supportbot.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts plain text into pieces that fit a platform's message limit (Telegram 4,096, Discord 2,000), at the most
 * natural place: a paragraph break, then a line break, then a sentence end, then whitespace, and only then
 * between grapheme clusters, so never inside a surrogate pair or an emoji sequence.
 */
public final class TextChunks {
    private static final String CLOSERS = "\"')]}”’」』）】》〉";
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private TextChunks() {
    }

    /** Pieces of at most {@code max} characters; blank input gives none. */
    public static List<String> of(String text, int max) {
        String stripped = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        return split(stripped, max, max);
    }

    /** Expects stripped text; every chunk it returns is stripped and non-empty. */
    public static List<String> split(String text, int firstRoom, int room) {
        List<String> chunks = new ArrayList<>();
        String rest = text;
        int limit = firstRoom;
        while (rest.length() > limit) {
            int cut = cutPoint(rest, limit);
            chunks.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
            limit = room;
        }
        if (!rest.isEmpty()) {
            chunks.add(rest);
        }
        return chunks;
    }

    /** Where to end the next chunk of {@code text}, which is longer than {@code limit}; the result is in [1, limit]. */
    private static int cutPoint(String text, int limit) {
        int half = Math.max(1, limit / 2);
        int cut = naturalBreak(text, half, limit);
        if (cut < 0) {
            cut = naturalBreak(text, 1, half - 1);
        }
        return cut > 0 ? cut : graphemeCut(text, limit);
    }

    /** The best-ranked break whose chunk would end in [from, to], or -1. */
    private static int naturalBreak(String text, int from, int to) {
        if (from > to) {
            return -1;
        }
        for (Level level : Level.values()) {
            for (int end = to; end >= from; end--) {
                if (level.breaksAt(text, end)) {
                    return end;
                }
            }
        }
        return -1;
    }

    /** The last grapheme-cluster boundary at or before {@code limit}, or at worst the last code-point boundary. */
    public static int graphemeCut(String text, int limit) {
        Matcher grapheme = GRAPHEME.matcher(text);
        int cut = 0;
        while (grapheme.find() && grapheme.end() <= limit) {
            cut = grapheme.end();
        }
        if (cut > 0) {
            return cut;
        }
        // One cluster wider than a whole message (e.g. a run of combining marks): code points are still safe.
        return Character.isLowSurrogate(text.charAt(limit)) && Character.isHighSurrogate(text.charAt(limit - 1))
                ? limit - 1 : limit;
    }

    /** Kinds of break, best first; each tells whether a chunk may end just before index {@code end}. */
    private enum Level {
        PARAGRAPH {
            @Override
            boolean breaksAt(String text, int end) {
                if (text.charAt(end) != '\n') {
                    return false;
                }
                int next = end + 1;
                while (next < text.length() && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
                    next++;
                }
                return next < text.length() && text.charAt(next) == '\n';
            }
        },
        LINE {
            @Override
            boolean breaksAt(String text, int end) {
                return text.charAt(end) == '\n';
            }
        },
        SENTENCE {
            @Override
            boolean breaksAt(String text, int end) {
                // Closing quotes and brackets belong to the sentence they close.
                if (CLOSERS.indexOf(text.charAt(end)) >= 0) {
                    return false;
                }
                int last = end - 1;
                while (last > 0 && CLOSERS.indexOf(text.charAt(last)) >= 0) {
                    last--;
                }
                char c = text.charAt(last);
                if (c == '。' || c == '！' || c == '？') {
                    return true;
                }
                return (c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(end));
            }
        },
        WHITESPACE {
            @Override
            boolean breaksAt(String text, int end) {
                return Character.isWhitespace(text.charAt(end));
            }
        };

        /** {@code end} is in [1, text.length() - 1]. */
        abstract boolean breaksAt(String text, int end);
    }
}

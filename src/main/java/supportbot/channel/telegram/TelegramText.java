package supportbot.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns plain text (ours, users', agents') into Telegram message text that neither breaks the entity parser
 * nor exceeds the length limit.
 *
 * <p>Splitting happens on the plain text and escaping afterwards, so a cut can never land inside an escape
 * sequence we add, and lengths are measured as Telegram measures them: visible UTF-16 code units after
 * entity parsing.
 */
public final class TelegramText {
    /** Telegram's limit, counted after entity parsing, in UTF-16 code units. */
    public static final int MAX_MESSAGE_CHARS = 4096;
    public static final int MAX_CAPTION_CHARS = 1024;

    // Anything shorter could not hold one surrogate pair, so no cut would be both safe and non-empty.
    private static final int MIN_CHUNK_CHARS = 2;
    private static final String MARKDOWN_V2_RESERVED = "_*[]()~`>#+-=|{}.!\\";
    private static final String CLOSERS = "\"')]}”’」』）】》〉";
    private static final Pattern GRAPHEME = Pattern.compile("\\X");

    private TelegramText() {
    }

    /** Escapes &amp;, &lt;, &gt; for parse_mode HTML (and " for attribute values via {@link #escapeAttribute}). */
    public static String escapeHtml(String plain) {
        return escape(plain, false);
    }

    public static String escapeAttribute(String plain) {
        return escape(plain, true);
    }

    /** Escapes every character MarkdownV2 reserves: _ * [ ] ( ) ~ ` &gt; # + - = | { } . ! and backslash. */
    public static String escapeMarkdownV2(String plain) {
        return backslashEscape(plain, MARKDOWN_V2_RESERVED);
    }

    /** Inside MarkdownV2 `code`/```pre``` only ` and \ must be escaped. */
    public static String escapeMarkdownV2Code(String plain) {
        return backslashEscape(plain, "`\\");
    }

    /**
     * Splits plain text into chunks that each fit in one Telegram message once escaped for HTML. Prefers to
     * split at a paragraph break, then a line break, then a sentence end, then whitespace, and only then
     * hard-cuts (between grapheme clusters, so never inside a surrogate pair or an emoji sequence). Returns
     * the chunks already HTML-escaped; empty or blank input gives an empty list.
     *
     * <p>A natural break is only taken from the second half of a chunk's room if one exists there: a blank
     * line near the start would otherwise cost a whole extra, nearly empty message.
     */
    public static List<String> htmlChunks(String plain, int maxVisibleChars) {
        requireRoom(maxVisibleChars);
        return escapeAll(split(normalize(plain), maxVisibleChars, maxVisibleChars));
    }

    public static List<String> htmlChunks(String plain) {
        return htmlChunks(plain, MAX_MESSAGE_CHARS);
    }

    /**
     * Same for a text with a bold title line: {@code "<b>title</b>\n" + body}, split so the title is only on
     * the first chunk. A title longer than a message is shortened with an ellipsis; when the title leaves
     * less than a quarter of the first message for the body (and the body doesn't fit), the title goes alone.
     */
    public static List<String> htmlChunks(String boldTitle, String body, int maxVisibleChars) {
        requireRoom(maxVisibleChars);
        String title = normalize(boldTitle);
        String text = normalize(body);
        if (title.isEmpty()) {
            return escapeAll(split(text, maxVisibleChars, maxVisibleChars));
        }
        if (title.length() > maxVisibleChars) {
            title = title.substring(0, graphemeCut(title, maxVisibleChars - 1)) + "…";
        }
        String bold = "<b>" + escapeHtml(title) + "</b>";
        // The title's line break is visible text too.
        int firstRoom = maxVisibleChars - title.length() - 1;
        List<String> result = new ArrayList<>();
        if (text.isEmpty()) {
            result.add(bold);
            return result;
        }
        boolean bodyFits = text.length() <= firstRoom;
        if (!bodyFits && firstRoom < Math.max(MIN_CHUNK_CHARS, maxVisibleChars / 4)) {
            result.add(bold);
            result.addAll(escapeAll(split(text, maxVisibleChars, maxVisibleChars)));
            return result;
        }
        List<String> chunks = escapeAll(split(text, firstRoom, maxVisibleChars));
        result.add(bold + "\n" + chunks.get(0));
        result.addAll(chunks.subList(1, chunks.size()));
        return result;
    }

    private static String escape(String plain, boolean quotes) {
        StringBuilder out = new StringBuilder(plain.length() + 16);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(quotes ? "&quot;" : "\"");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String backslashEscape(String plain, String reserved) {
        StringBuilder out = new StringBuilder(plain.length() + 16);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (reserved.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static void requireRoom(int maxVisibleChars) {
        if (maxVisibleChars < MIN_CHUNK_CHARS) {
            throw new IllegalArgumentException("maxVisibleChars must be at least " + MIN_CHUNK_CHARS);
        }
    }

    // A \r counts toward Telegram's limit yet shows nothing, and \r\n would hide a paragraph break from us.
    private static String normalize(String text) {
        Objects.requireNonNull(text, "text");
        return text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static List<String> escapeAll(List<String> chunks) {
        List<String> escaped = new ArrayList<>(chunks.size());
        for (String chunk : chunks) {
            escaped.add(escapeHtml(chunk));
        }
        return escaped;
    }

    /** Expects stripped text; every chunk it returns is stripped and non-empty. */
    private static List<String> split(String text, int firstRoom, int room) {
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
    private static int graphemeCut(String text, int limit) {
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

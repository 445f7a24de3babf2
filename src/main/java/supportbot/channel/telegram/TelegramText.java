package supportbot.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import supportbot.channel.TextChunks;

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
        return escapeAll(TextChunks.split(normalize(plain), maxVisibleChars, maxVisibleChars));
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
            return escapeAll(TextChunks.split(text, maxVisibleChars, maxVisibleChars));
        }
        if (title.length() > maxVisibleChars) {
            title = title.substring(0, TextChunks.graphemeCut(title, maxVisibleChars - 1)) + "…";
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
            result.addAll(escapeAll(TextChunks.split(text, maxVisibleChars, maxVisibleChars)));
            return result;
        }
        List<String> chunks = escapeAll(TextChunks.split(text, firstRoom, maxVisibleChars));
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

}

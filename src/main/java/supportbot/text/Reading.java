package supportbot.text;

import java.util.regex.Pattern;

/**
 * The form of a message that intent rules, category keywords, example matching and FAQ search read: the
 * {@link TextNormalizer#reading()} form (full-width to ASCII, invisible chars dropped, emoji as spaces,
 * traditional to simplified Chinese) with runs of the same punctuation mark and of spaces folded to one, so
 * {@code human please!!!}, {@code 多謝啦～～} and {@code hello 👋} read like their plain forms. Never stored or shown.
 */
public final class Reading {
    private static final Pattern REPEATED_MARK = Pattern.compile("([\\p{P}\\p{S}])\\1+");
    private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");

    private Reading() {
    }

    public static String of(String raw) {
        if (raw == null) {
            return "";
        }
        String text = TextNormalizer.reading().normalize(raw).text();
        // ICU simplifies 帳 to 帐, but money talk (账号, 到账, 账户) and our keywords use 账.
        text = text.replace('帐', '账');
        text = REPEATED_MARK.matcher(text).replaceAll("$1");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }
}

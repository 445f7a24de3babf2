package supportbot.dialogue.details;

import java.util.ArrayList;
import java.util.List;
import supportbot.faq.LanguageDetector;

/** Character classes and tokens shared by the readers. Users mix Latin tokens into Chinese text freely. */
final class Text {
    /** A maximal run of ASCII letters and digits, with its position in the text. */
    record Token(int start, int end, String text) {
    }

    private Text() {
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiAlnum(char c) {
        return isAsciiLetter(c) || isAsciiDigit(c);
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    static boolean containsHan(String text) {
        return LanguageDetector.containsHan(text);
    }

    static List<Token> alnumRuns(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!isAsciiAlnum(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && isAsciiAlnum(text.charAt(i))) {
                i++;
            }
            out.add(new Token(start, i, text.substring(start, i)));
        }
        return out;
    }

    /** Hash and address previews for displays: long enough to compare with a wallet, short enough to read. */
    static String shorten(String token) {
        return token.length() <= 16 ? token : token.substring(0, 8) + "…" + token.substring(token.length() - 6);
    }
}

package supportbot.faq;

/**
 * Decides the language of a message by script. Chinese users mix Latin tokens ("USDT", "TRC20", tx hashes)
 * into Chinese sentences, so a few Han characters are enough to call a message Chinese.
 */
public final class LanguageDetector {

    private LanguageDetector() {
    }

    public static Lang detect(String text) {
        if (text == null) {
            return Lang.EN;
        }
        int han = 0;
        int latinLetters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                han++;
            } else if (cp < 128 && Character.isLetter(cp)) {
                latinLetters++;
            }
        }
        // A Han character carries roughly a word; Latin words average ~5 letters.
        return han > 0 && han * 5 >= Math.min(latinLetters, 10) ? Lang.ZH : Lang.EN;
    }

    public static boolean containsHan(String text) {
        return text != null && text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
    }
}

package supportbot.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private static String det(String s) {
        return TextNormalizer.detection().normalize(s).text();
    }

    @Test
    void plainAsciiIsUnchangedExceptUnderscore() {
        NormalizedText n = TextNormalizer.detection().normalize("Hello, world! 0xAbC 5KJvsng\nline two");
        assertTrue(n.unchanged());
        assertEquals("abandon ability able", det("abandon_ability_able"));
    }

    @Test
    void fullWidthLettersAndDigitsBecomeAscii() {
        assertEquals("abandon ABILITY 12", det("ａｂａｎｄｏｎ　ＡＢＩＬＩＴＹ　１２"));
    }

    @Test
    void invisibleCharsAreDroppedOrReadAsSpace() {
        String s = "ab\u200Ban\u200Cdo\u200Dn\uFEFF a\u00ADb\u0000c\u2060d\uFE0F";
        assertEquals("abandon abcd", det(s));
        assertEquals("ab an do n  a b c d ", TextNormalizer.detectionSplit().normalize(s).text());
        assertEquals("a b", det("a\u00A0b"));
        assertEquals("a\u200E\u202Eb".length() - 2, det("a\u200E\u202Eb").length());
    }

    @Test
    void lookAlikeLettersFoldToLatin() {
        // Cyrillic а е о р с х і and Greek ο, each inside an otherwise Latin word
        assertEquals("apple echo ocean pepper cage exit inch robot", det("аpple еcho оcean рepper сage eхit іnch rοbot"));
        // ...but only for detection: the reading form keeps real Cyrillic
        assertEquals("привет", TextNormalizer.reading().normalize("привет").text());
    }

    @Test
    void accentsAreDroppedForDetection() {
        assertEquals("abandon", det("àbändón"));
        assertEquals("café", TextNormalizer.reading().normalize("café").text());
    }

    @Test
    void emojiAndKeycapMarkersSeparateWords() {
        assertEquals(" abandon  ability", det("🔑abandon ✅ability"));
        assertEquals("1 abandon 2 ability", det("1\uFE0F\u20E3 abandon 2\uFE0F\u20E3 ability"));
        assertEquals("1abandon 2ability", det("①abandon ②ability"));
        assertEquals("abandon ", det("abandon👍🏽"));
    }

    @Test
    void enclosedCjkNumbersAreBulletsNotHanNumerals() {
        assertEquals(" 的 是", det("㈠的㊁是"));
    }

    @Test
    void traditionalChineseBecomesSimplified() {
        assertEquals("这个钱包的助记词", det("這個錢包的助記詞"));
        assertEquals("这个钱包", TextNormalizer.reading().normalize("這個錢包").text());
        assertEquals("一", det("⼀")); // Kangxi radical one
    }

    @Test
    void offsetsMapBackToTheRawText() {
        String raw = "x ａｂ\u200Bc 🔑d";
        NormalizedText n = TextNormalizer.detection().normalize(raw);
        assertEquals("x abc  d", n.text());
        int s = n.text().indexOf("abc");
        assertEquals(raw.indexOf('ａ'), n.rawStart(s));
        assertEquals(raw.indexOf('c') + 1, n.rawEnd(s + 3));
        assertEquals("ａｂ\u200Bc", raw.substring(n.rawStart(s), n.rawEnd(s + 3)));
        assertEquals(raw.length(), n.rawEnd(n.text().length()));
        // A surrogate pair maps as one unit.
        int d = n.text().indexOf('d');
        assertEquals(raw.length() - 1, n.rawStart(d));
    }

    @Test
    void expansionsMapEachCharToItsSource() {
        String raw = "ﬁ⑴";
        NormalizedText n = TextNormalizer.detection().normalize(raw);
        assertEquals("fi(1)", n.text());
        assertEquals(0, n.rawStart(1));
        assertEquals(1, n.rawStart(2));
        assertEquals(2, n.rawEnd(5));
    }

    @Test
    void blankMeansNothingVisible() {
        assertTrue(TextNormalizer.isBlank("\u00A0\u200B\uFEFF\u0000 \t\n"));
        assertTrue(TextNormalizer.isBlank("\u0000\u0000"));
        assertTrue(TextNormalizer.isBlank(null));
        assertFalse(TextNormalizer.isBlank("\u200Bhi"));
        assertFalse(TextNormalizer.isBlank("。"));
        assertTrue(TextNormalizer.hasInvisible("a\u200Bb"));
        assertFalse(TextNormalizer.hasInvisible("a b\n"));
    }

    @Test
    void controlCharsAndLoneSurrogatesDoNotBreakIt() {
        String raw = "a\uD800b\uDC00c\u0007\u007F";
        NormalizedText n = TextNormalizer.detection().normalize(raw);
        assertEquals("abc", n.text());
        assertEquals(raw.length(), n.rawEnd(3));
    }

    @Test
    void identityMapsEveryCharToItself() {
        NormalizedText n = NormalizedText.identity("a\u200Bb");
        assertEquals("a\u200Bb", n.text());
        assertEquals(1, n.rawStart(1));
        assertEquals(2, n.rawEnd(2));
        assertTrue(n.unchanged());
    }
}

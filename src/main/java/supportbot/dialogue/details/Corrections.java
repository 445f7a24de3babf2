package supportbot.dialogue.details;

import java.util.regex.Pattern;
import supportbot.text.TextNormalizer;

/**
 * Recognises a correction ("不对，是500", "不是3点是4点", "I meant Tuesday", "500 not 300") and cuts away the
 * wrong value it repeats, so that only the corrected value is read.
 */
public final class Corrections {
    private static final String VALUE_WORDS = "(?<![a-z])(?:yesterday|today|monday|tuesday|wednesday|thursday|friday"
            + "|saturday|sunday|morning|afternoon|evening|night|am|pm|iphone|android|ios|usdt|usdc|eth|btc|trx|tron"
            + "|erc20|trc20|bep20)";
    private static final Pattern MARKER = Pattern.compile("(?i)不对|不是.{1,30}?[，,\\s]*(?:而)?是|应该是|[搞写填输说弄打发记看选]错了?|更正|改成|改为|纠正"
            // "不好意思，是…" / "其实是…" / "sorry, since…": an apology or "actually" before a value takes back what was said
            + "|(?:不好意思|其实|抱歉|对不起)[，,\\s]*(?:是|应该)|正确的是|是[^，,。！!？?]{1,30}?[，,\\s]*不是[^，,。！!？?\\s]|(?<![a-z])(?:actually|i meant|i mean"
            + "|sorry|(?:no,? )?wait,?(?= (?:it|the|i))|correction|typo|(?<!the |a |to )wrong|should be|should have been|correct one|right one)(?![a-z])"
            // "500 not 300", "Tuesday, not Monday", "not 300 but 500": a value next to "not", never "do not work"
            + "|(?:[\\w.]*\\d[\\w.]*|" + VALUE_WORDS + ")\\s*,?\\s+not\\s+\\S"
            + "|(?<![a-z])not\\s+(?:[\\w.]*\\d[\\w.]*|" + VALUE_WORDS + ")\\s*,?\\s+but\\s+\\S");
    /** "不是300（，）是500": the part that says what it was not. */
    private static final Pattern ZH_NOT = Pattern.compile("不是[^，,。！!？?]{1,30}?[，,\\s]*(?=(?:而)?是)");
    /** "是polygon不是bsc" / "手机是S23 不是S21": the wrong value said last, after the right one. */
    private static final Pattern ZH_NOT_AFTER = Pattern.compile("(?<=\\S)\\s*不是[^，,。！!？?\\s]{1,30}(?=\\s*(?:[，,。！!？?]|$))");
    /** "500, not 300" / "not 300 but 500" / "not yesterday, today". */
    private static final Pattern EN_NOT = Pattern.compile("(?i)(?<![a-z])not\\s+(?:[^,.;!?]|\\.(?=\\d)){1,30}?(?=\\s*(?:,|;|\\s+but\\s+|$))");
    /**
     * The words that only say "this is a correction", cut so that what is left is the value alone: "记错了 应该是十点"
     * and "sorry 是十一点" leave a Han-numeral hour nearly alone, which is how it is known to be an hour.
     */
    private static final Pattern ZH_MARKERS = Pattern.compile("(?i)(?:更正|纠正|改|修改)一下|不对|应该是|[搞写填输说弄打发记看选]错了|更正|改成|改为|纠正"
            + "|(?<![a-z])(?:sorry|oops|actually|my bad|i meant|i mean)(?![a-z])");

    private Corrections() {
    }

    public static boolean isCorrection(String text) {
        return text != null && MARKER.matcher(TextNormalizer.reading().normalize(text).text()).find();
    }

    /** The text with the wrong value and the correction words removed, e.g. "不是300是500" → "是500". */
    public static String correctedPart(String text) {
        String t = ZH_NOT.matcher(text).replaceAll(" ");
        t = ZH_NOT_AFTER.matcher(t).replaceAll(" ");
        t = EN_NOT.matcher(t).replaceAll(" ");
        return ZH_MARKERS.matcher(t).replaceAll(" ");
    }
}

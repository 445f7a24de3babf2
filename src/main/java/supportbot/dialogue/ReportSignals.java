package supportbot.dialogue;

import java.util.regex.Pattern;
import supportbot.text.Reading;

/**
 * Whether a message tells what happened to the user (my / 我的, amounts, times, hashes, past tense) rather than
 * asking how something works. Such a message is a report even when an FAQ topic matches it too.
 */
final class ReportSignals {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** Evidence only someone it happened to has: an amount with its coin, a transaction hash, a clock time. */
    private static final Pattern EVIDENCE = Pattern.compile(
            "\\d+(\\.\\d+)?\\s*(u|usdt|usdc|trx|eth|btc|bnb|sol|个|块|刀|元)(?![a-z])|\\b(0x)?[0-9a-f]{40,}\\b"
                    + "|\\b\\d{1,2}:\\d{2}\\b|\\d{1,2}点", FLAGS);
    private static final Pattern MINE = Pattern.compile(
            "\\bmy\\b|\\bi('ve| have| had)?\\b|我的|我(刚|刚刚|昨天|今天|前天|早上|晚上|已经|之前|上午|下午)?(转|充|提|发|买|卖|换|收|存|打|点|操作|登)|本人",
            FLAGS);
    private static final Pattern HAPPENED = Pattern.compile(
            "\\b(sent|transferred|deposited|withdrew|tried|got|lost|never|didn'?t|hasn'?t|haven'?t|wasn'?t|failed|stuck"
                    + "|disappeared|missing|gone|ago|yesterday|last night|this morning|still|since)\\b"
                    + "|了|过|昨天|前天|刚才|刚刚|一直|还没|没有到|失败|不见|消失|被", FLAGS);

    private ReportSignals() {
    }

    static boolean in(String text) {
        String read = Reading.of(text);
        return EVIDENCE.matcher(read).find() || (MINE.matcher(read).find() && HAPPENED.matcher(read).find());
    }
}

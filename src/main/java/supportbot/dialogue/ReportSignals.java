package supportbot.dialogue;

import java.util.regex.Pattern;
import supportbot.text.Reading;

/**
 * Whether a message tells what happened to the user (my / 我的, amounts, times, hashes, addresses, past tense,
 * "still not" / 一直没) rather than asking how something works. Such a message is a report even when an FAQ topic
 * matches it too, and even when it ends in a question ("sent it yesterday, why is it not here?").
 */
final class ReportSignals {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    /** Evidence only someone it happened to has: an amount with its coin, a hash or address, a clock time. */
    private static final Pattern EVIDENCE = Pattern.compile(
            "(?<![a-z0-9.])\\d+(\\.\\d+)?\\s*(u|usdt|usdc|trx|eth|btc|bnb|sol|个|块|刀|元)(?![a-z])|(?<![0-9a-z])(0x)?[0-9a-f]{40,}(?![0-9a-z])"
                    + "|(?<![0-9a-z])T[1-9A-HJ-NP-Za-km-z]{33}(?![0-9a-z])|[\\w.+-]+@[\\w-]+\\.[a-z]{2,}"
                    + "|(user ?id|uid|账号|用户|id)\\s*(id)?\\s*[:：]?\\s*\\d{5,}|\\b\\d{1,2}:\\d{2}\\b|\\d{1,2}\\s*(am|pm)\\b|\\d{1,2}点", FLAGS);
    /** When it happened: a question about how things work has no day or hour of its own. */
    private static final Pattern WHEN = Pattern.compile(
            "\\b(yesterday|last night|this morning|this afternoon|tonight|earlier today|since|ago|for \\d+ (hours?|days?|minutes?)"
                    + "|on (monday|tuesday|wednesday|thursday|friday|saturday|sunday))\\b"
                    + "|昨天|昨晚|前晚|前天|刚才|刚刚|今天(早上|上午|下午|晚上)|早上|上午|下午|傍晚|晚上|半小时前|小时前|分钟前|天前|周[一二三四五六日天]|星期|(今天|从|更新).{0,12}(开始|之后|以后)|已经\\s*\\d+\\s*个?\\s*(小时|分钟|天|hours?|hrs?|mins?|minutes?|days?)", FLAGS);
    /**
     * Past tense and "still not": something already happened and did not work out. "Keeps failing" alone is not
     * here: without a time or a "my" it reads as well as a how-to question, and the FAQ answer may solve it.
     */
    private static final Pattern HAPPENED_ALONE = Pattern.compile(
            "\\b(sent|transferred|deposited|withdrew|swapped|received|tried|lost|still (not|no|hasn'?t|haven'?t|pending|waiting)"
                    + "|never (arrived|came|got|showed))\\b"
                    + "|(转|充|提|换|发|收|打)(到)?了|(转|充|提|换|发|收)的|一直\\s*(没|未|在等|卡|pending|processing|处理中)|还没|还是没|都没有", FLAGS);
    private static final Pattern MINE = Pattern.compile(
            "\\bmy\\b|\\bi('ve| have| had)?\\b|我的|我(刚|刚刚|昨天|今天|前天|早上|晚上|已经|之前|上午|下午)?(转|充|提|发|买|卖|换|收|存|打|点|操作|登)|本人",
            FLAGS);
    private static final Pattern HAPPENED = Pattern.compile(
            "\\b(got|never|didn'?t|hasn'?t|haven'?t|wasn'?t|failed|stuck|disappeared|missing|gone|still|keeps?|wrong|less)\\b"
                    + "|了|过|一直|没有到|失败|不见|消失|被", FLAGS);

    /**
     * Something was taken or given away: theft, a scam, a leaked secret, transfers the user did not make. Being
     * locked out, a failed transfer or a question about seed phrases ("客服会跟我要助记词吗") is none of these.
     */
    private static final Pattern THEFT = Pattern.compile(
            "\\b(stol(e|en)|steal\\w*|theft|thief|hack(ed|er|ers)?|(?<!(you|guys|people|app|wallet|company|platform|exchange|support) (are|is) (a |such a |a total |total |a complete |complete |just )?)(?<!(not|you'?re|youre|ur|is (this|it|that)) (a |an )?)scam\\w*|phish\\w*|drain\\w*|fraud\\w*|unauthori[sz]ed"
                    + "|impersonat\\w*|fake (support|agent|admin|app|site|website|customer service)|emptied|leak(ed)?|exposed"
                    + "|(didn'?t|did not|never) (make|made|send|sent|do|did|authori[sz]e|authori[sz]ed|approve|approved|sign|signed)|someone (took|sent|moved|transferred|has|got|is)"
                    + "|(gone|missing|disappeared|vanished)|lost (all|everything|my (funds|coins|money|usdt|eth|btc|tokens|crypto))"
                    + "|(gave|shared|sent|typed|entered) (away )?(my|the) (seed|recovery|private|secret|12|24|mnemonic)|freeze)\\b"
                    + "|被盗|被偷|被骗|被黑|盗|偷|(?<!你们是|你们就是|是不是|你们这是|你们这|你们是诈|你们就是诈|是不是诈|你们这是诈|你们这诈)骗(?!子公司|子平台|子钱包|子app|子软件)|转走|没了|不见|消失|少了|泄露|泄漏|(发|给|告诉)(了)?(别人|对方|他|她|骗子)|冒充|假(的)?(客服|网站|官网|app|官方)"
                    + "|钓鱼|清空|掏空|搬空|洗劫|被(人|别人|黑客|陌生人|骗子)(转|转移|划)(到|去|给)|被(转|转移|划)(到|去|给)了?(一个)?(陌生|不认识|未知|别人|黑客|骗子)|黑客|不是我(本人|自己)?(操作|转|弄|授权)|冻结", FLAGS);

    private ReportSignals() {
    }

    /** Theft, a scam, a leaked secret: only then may a guess from the examples take the urgent path. */
    static boolean theft(String text) {
        return THEFT.matcher(Reading.of(text)).find();
    }

    static boolean in(String text) {
        String read = Reading.of(text);
        return EVIDENCE.matcher(read).find() || WHEN.matcher(read).find() || HAPPENED_ALONE.matcher(read).find()
                || (MINE.matcher(read).find() && HAPPENED.matcher(read).find());
    }
}

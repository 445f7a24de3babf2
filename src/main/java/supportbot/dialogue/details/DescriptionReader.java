package supportbot.dialogue.details;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DESCRIPTION: long enough to act on, and more than a cry for help. Length is measured in Han characters,
 * with an English word worth 2.5 of them, so that the same setting serves both languages and mixed text.
 */
final class DescriptionReader {
    private static final double HAN_PER_WORD = 2.5;
    /** Below this many units of real content, the text is only "help", "有问题" and the like. */
    private static final double MIN_CONTENT = 3;
    private static final int DISPLAY_CHARS = 60;

    private static final Set<String> FILLER_WORDS = Set.of("help", "please", "pls", "plz", "hi", "hello", "hey",
            "urgent", "asap", "problem", "problems", "issue", "issues", "need", "i", "im", "me", "my", "a", "an", "the",
            "have", "has", "got", "there", "is", "it", "with", "wallet", "app", "something", "wrong", "thanks", "thank",
            "you", "can", "someone", "anyone", "support", "agent", "human", "question", "questions", "to", "of", "for",
            "and", "am", "any", "one", "in", "on", "s", "m", "what", "do", "does", "how", "why", "this", "that", "now");
    // Longest first: "帮帮我" must go before "我".
    private static final List<String> FILLER_ZH = List.of("出问题了", "怎么回事", "帮帮忙", "帮帮我", "在不在", "急急急", "有问题",
            "出问题", "怎么办", "帮忙", "帮我", "请问", "你好", "您好", "在吗", "问题", "救命", "求助", "谢谢", "人工", "客服",
            "钱包", "麻烦", "一下", "看看", "处理", "急", "我", "了", "啊", "吗", "呢", "吧", "的", "有", "个", "下");

    private final int minChars;

    DescriptionReader(int minChars) {
        this.minChars = minChars;
    }

    ParseResult parse(String text) {
        String t = text.strip();
        if (units(withoutFiller(t)) < Math.min(MIN_CONTENT, minChars)) {
            return ParseResult.hint(HintKeys.DESCRIPTION_TOO_VAGUE);
        }
        if (units(t) < minChars) {
            return ParseResult.hint(HintKeys.DESCRIPTION_TOO_SHORT);
        }
        String display = t.codePointCount(0, t.length()) <= DISPLAY_CHARS ? t
                : t.substring(0, t.offsetByCodePoints(0, DISPLAY_CHARS)) + "…";
        return ParseResult.ok(new DetailValue(DetailType.DESCRIPTION, t, display));
    }

    static double units(String raw) {
        // Full-width letters and digits ("ＵＳＤＴ轉帳失敗 ＴＲＣ２０") are words like their ASCII forms.
        String text = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC);
        long han = text.chars().filter(c -> Text.isHan((char) c)).count();
        long words = Text.alnumRuns(text).size();
        return han + HAN_PER_WORD * words;
    }

    private static String withoutFiller(String text) {
        String s = AliasIndex.lower(text);
        for (String f : FILLER_ZH) {
            s = s.replace(f, " ");
        }
        StringBuilder kept = new StringBuilder();
        for (String part : s.split("(?<=[^a-z0-9'])|(?=[^a-z0-9'])")) {
            String word = part.replace("'", "").toLowerCase(Locale.ROOT);
            if (!FILLER_WORDS.contains(word)) {
                kept.append(part.replace("'", " "));
            } else {
                kept.append(' ');
            }
        }
        return kept.toString();
    }
}

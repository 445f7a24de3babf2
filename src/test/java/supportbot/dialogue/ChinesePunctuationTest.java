package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import supportbot.faq.FaqEntry;
import supportbot.faq.FaqYamlLoader;
import supportbot.faq.Lang;

/** Chinese copy uses full-width punctuation: ASCII punctuation touching a Chinese character is a mistake. */
class ChinesePunctuationTest {
    /** A Chinese character or full-width mark, an ASCII mark, in either order, spaces allowed between. */
    private static final Pattern HALF_WIDTH_BESIDE_CHINESE = Pattern.compile(
            "[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]\\s*[,:;!?()]|[,:;!?()]\\s*[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]"
                    + "|\\p{IsHan}\\.(?!\\d)"
                    // placeholders stand inside Chinese sentences: "#{number}({category})" is half-width too
                    + "|[,:;!?()]\\s*\\{|\\}\\s*[,:;!?()]");

    private static final Pattern QUOTE_BESIDE_CHINESE = Pattern.compile("\\p{IsHan}\"|\"\\p{IsHan}");

    static List<String> mistakes(String text) {
        var found = new ArrayList<String>();
        var m = HALF_WIDTH_BESIDE_CHINESE.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        // A pair opened full-width and closed half-width (or the other way) hides behind a placeholder.
        if (count(text, '（') != count(text, '）') || count(text, '(') != count(text, ')')) {
            found.add("（…)");
        }
        return found;
    }

    /** Parsed texts carry no YAML quoting, so there an ASCII quote beside Chinese is copy too: 「」 instead. */
    static List<String> parsedMistakes(String text) {
        var found = new ArrayList<>(mistakes(text));
        var quotes = QUOTE_BESIDE_CHINESE.matcher(text);
        while (quotes.find()) {
            found.add(quotes.group());
        }
        return found;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    @Test
    void theCheckSeesHalfWidthMarksAndPassesFullWidthOnes() {
        assertEquals(List.of("好!", "好,", "谢 (", "」)"), mistakes("您好!我很好,谢谢 (「转账失败」)"));
        assertEquals(List.of(), mistakes("您好！我很好，谢谢（「转账失败」）。版本 6.1.0，/verify alice"));
        assertEquals(List.of("息:"), mistakes("信息: {details}"));
        assertEquals(List.of("点\"", "速\""), parsedMistakes("点\"加速\"，或「取消」"));
        assertTrue(mistakes("将于 {time}（{zone})上线").contains("（…)"));
        assertEquals(List.of("}(", "})", ":{"), mistakes("工单 #{number}({category}):{status}。"));
    }

    @Test
    void everyChineseMessageUsesFullWidthPunctuation() throws IOException {
        var problems = new ArrayList<String>();
        try (Stream<Path> files = Files.list(Path.of("config", "messages"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains(".zh.")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    for (String mistake : mistakes(lines.get(i))) {
                        problems.add(file.getFileName() + ":" + (i + 1) + " '" + mistake + "'");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyChineseFaqQuestionAndAnswerUsesFullWidthPunctuation() {
        var problems = new ArrayList<String>();
        for (FaqEntry entry : new FaqYamlLoader().loadDirectory(Path.of("faq-data")).entries()) {
            entry.in(Lang.ZH).ifPresent(zh -> {
                var texts = new ArrayList<String>(zh.alternates());
                texts.add(zh.question());
                texts.add(zh.answer());
                for (String text : texts) {
                    for (String mistake : parsedMistakes(text)) {
                        problems.add(entry.id() + " '" + mistake + "'");
                    }
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    /** Category names, chain names and every other Chinese value in config; patterns are matched, not shown. */
    @Test
    void everyChineseTextInConfigUsesFullWidthPunctuation() throws IOException {
        var problems = new ArrayList<String>();
        var yaml = new ObjectMapper(new YAMLFactory());
        for (String name : List.of("categories.yaml", "details.yaml", "desk.yaml", "application.yaml")) {
            collect(yaml.readTree(Path.of("config", name).toFile()), name, problems);
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theConfigWalkFindsAMistakeInANestedChineseName() throws IOException {
        var problems = new ArrayList<String>();
        var node = new ObjectMapper(new YAMLFactory()).readTree(
                "categories:\n  - id: x\n    name: {zh: '转账失败(链上)', en: Failed}\n    keywords: {zh: ['失败(了)?']}\n");
        collect(node, "test", problems);
        assertEquals(List.of("test/categories/0/name/zh '败('", "test/categories/0/name/zh '上)'"), problems);
    }

    private static void collect(JsonNode node, String where, List<String> problems) {
        if (node.isTextual() && node.asText().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            for (String mistake : parsedMistakes(node.asText())) {
                problems.add(where + " '" + mistake + "'");
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(f -> {
                if (!UNSHOWN.contains(f.getKey())) {
                    collect(f.getValue(), where + "/" + f.getKey(), problems);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), where + "/" + i, problems);
            }
        }
    }

    /** Regular expressions and match words: users never read them, and "(了)?" is syntax, not copy. */
    private static final java.util.Set<String> UNSHOWN = java.util.Set.of("keywords", "aliases");
}

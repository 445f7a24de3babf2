package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Chinese copy uses full-width punctuation: ASCII punctuation touching a Chinese character is a mistake. */
class ChinesePunctuationTest {
    /** A Chinese character or full-width mark, an ASCII mark, in either order, spaces allowed between. */
    private static final Pattern HALF_WIDTH_BESIDE_CHINESE = Pattern.compile(
            "[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]\\s*[,:;!?()]|[,:;!?()]\\s*[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]"
                    + "|\\p{IsHan}\\.(?!\\d)"
                    // placeholders stand inside Chinese sentences: "#{number}({category})" is half-width too
                    + "|[,:;!?()]\\s*\\{|\\}\\s*[,:;!?()]");

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

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    @Test
    void theCheckSeesHalfWidthMarksAndPassesFullWidthOnes() {
        assertEquals(List.of("好!", "好,", "谢 (", "」)"), mistakes("您好!我很好,谢谢 (「转账失败」)"));
        assertEquals(List.of(), mistakes("您好！我很好，谢谢（「转账失败」）。版本 6.1.0，/verify alice"));
        assertEquals(List.of("息:"), mistakes("信息: {details}"));
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
}

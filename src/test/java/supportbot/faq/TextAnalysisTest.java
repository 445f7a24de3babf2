package supportbot.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {
    private final Analyzer analyzer = FaqAnalyzers.perField();

    @Test
    void mixedChineseAndLatinKeepsBothWordsAndCoinNames() throws Exception {
        List<String> words = tokens(FaqAnalyzers.FIELD_ZH_WORDS, "我的USDT转账失败了");
        assertTrue(words.contains("转账"), words.toString());
        assertTrue(words.contains("失败"), words.toString());
        assertTrue(words.contains("usdt"), words.toString());
    }

    @Test
    void bigramsCatchSlangTheSegmenterSplitsOddly() throws Exception {
        List<String> bigrams = tokens(FaqAnalyzers.FIELD_ZH_BIGRAMS, "币没到账 TRC20");
        assertTrue(bigrams.containsAll(List.of("币没", "没到", "到账")), bigrams.toString());
        assertTrue(bigrams.contains("trc20"), bigrams.toString());
    }

    @Test
    void englishIsStemmed() throws Exception {
        assertEquals(tokens(FaqAnalyzers.FIELD_EN, "transfer failed"), tokens(FaqAnalyzers.FIELD_EN, "Transfers failing"));
    }

    @Test
    void languageIsDetectedByScript() {
        assertEquals(Lang.ZH, LanguageDetector.detect("我的USDT转账失败了 0xabc"));
        assertEquals(Lang.ZH, LanguageDetector.detect("转账"));
        assertEquals(Lang.EN, LanguageDetector.detect("my transfer failed"));
        assertEquals(Lang.EN, LanguageDetector.detect("when I send USDT on TRC20 the app only shows 错"));
        assertEquals(Lang.EN, LanguageDetector.detect(""));
    }

    private List<String> tokens(String field, String text) throws Exception {
        var out = new ArrayList<String>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }
}

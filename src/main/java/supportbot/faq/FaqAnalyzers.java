package supportbot.faq;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * Per-language lexical analysis. Chinese text goes into two fields: SmartChineseAnalyzer words (precise when
 * the segmenter is right) and CJK bigrams (robust when it is not, e.g. for slang like "没到账" or typos).
 */
public final class FaqAnalyzers {
    public static final String FIELD_EN = "text_en";
    public static final String FIELD_ZH_WORDS = "text_zh_words";
    public static final String FIELD_ZH_BIGRAMS = "text_zh_bigrams";

    private FaqAnalyzers() {
    }

    public static List<String> fieldsFor(Lang lang) {
        return lang == Lang.ZH ? List.of(FIELD_ZH_WORDS, FIELD_ZH_BIGRAMS) : List.of(FIELD_EN);
    }

    public static Analyzer perField() {
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), Map.of(
                FIELD_EN, new EnglishAnalyzer(),
                FIELD_ZH_WORDS, new SmartChineseAnalyzer(),
                // No stop words: in short chat messages "not" or "no" often carry the meaning.
                FIELD_ZH_BIGRAMS, new CJKAnalyzer(CharArraySet.EMPTY_SET)));
    }
}

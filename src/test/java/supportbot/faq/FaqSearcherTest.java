package supportbot.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Fusion and decisions, with a deterministic embedder so the expected outcomes are exact. */
class FaqSearcherTest {
    private static final FaqCatalog CATALOG = new FaqCatalog(List.of(
            FaqFixtures.entry("reset-pin", "How do I reset my PIN code?", List.of("forgot my pin", "change pin code"),
                    "Open Settings, then Security, then Reset PIN."),
            FaqFixtures.entry("fees", "What are the network fees?", List.of("why is gas so expensive", "fee too high"),
                    "Fees go to the network, not to us."),
            FaqFixtures.entry("pending", "My transfer is pending for hours", List.of("transaction stuck", "send not confirmed"),
                    "Check the transaction on a block explorer."),
            FaqFixtures.entry("pending-btc", "My bitcoin transfer is pending for hours",
                    List.of("btc transaction stuck"), "Bitcoin confirmations can take an hour.")));

    private final HashingEmbedder embedder = new HashingEmbedder();

    /** Thresholds for the hashing embedder, whose scores run lower than BGE's. */
    private static final SearchSettings.DecisionThresholds THRESHOLDS = new SearchSettings.DecisionThresholds(0.45, 0.06, 0.30);

    private FaqSearcher searcher(boolean semantic) {
        SearchSettings d = TestSettings.shipped();
        SearchSettings settings = new SearchSettings(semantic, d.denseWeight(), d.lexicalWeight(), d.lexicalSaturation(),
                d.answerTextWeight(), d.phrasingTemperature(), d.candidateDocs(), THRESHOLDS, THRESHOLDS);
        return new FaqSearcher(new FaqIndexer(semantic ? embedder : null, FaqIndexer.Progress.SILENT).build(CATALOG),
                embedder, settings);
    }

    @Test
    void aClearQuestionIsAnswered() {
        SearchResult r = searcher(true).search("I forgot my PIN code, how to reset it?");
        assertEquals("reset-pin", r.candidates().get(0).entry().id());
        assertEquals(Decision.ANSWER, r.decision(), () -> "score " + r.candidates().get(0).score() + " margin " + r.margin());
    }

    @Test
    void twoCloseTopicsAreOfferedAsSuggestionsNotAnswered() {
        SearchResult r = searcher(true).search("transfer pending for hours");
        List<String> top2 = r.top(2).stream().map(c -> c.entry().id()).toList();
        assertTrue(top2.containsAll(List.of("pending", "pending-btc")), top2.toString());
        assertTrue(r.margin() < THRESHOLDS.answerMinMargin(), "margin " + r.margin());
        assertEquals(Decision.SUGGEST, r.decision());
    }

    @Test
    void somethingTheFaqDoesNotCoverGetsNone() {
        SearchResult r = searcher(true).search("what's the weather like in Paris tomorrow");
        assertEquals(Decision.NONE, r.decision());
    }

    @Test
    void emptyQueryGetsNoneWithoutSearching() {
        FaqSearcher searcher = searcher(true);
        int before = embedder.calls;
        SearchResult r = searcher.search("   ");
        assertEquals(Decision.NONE, r.decision());
        assertTrue(r.candidates().isEmpty());
        assertEquals(before, embedder.calls, "an empty query must not be embedded");
    }

    @Test
    void aQuestionAskedAgainIsNotEmbeddedOrSearchedAgainAndGetsTheSameResult() {
        FaqSearcher searcher = searcher(true);
        int before = embedder.calls;
        SearchResult first = searcher.search("I forgot my PIN code, how to reset it?");
        SearchResult again = searcher.search("  I forgot my PIN code, how to reset it?  ");
        assertEquals(before + 1, embedder.calls, "the second search of the same words must reuse the first");
        assertEquals(first, again);
        searcher.search("why is gas so expensive");
        assertEquals(before + 2, embedder.calls, "another question is searched afresh");
    }

    @Test
    void lexicalOnlyModeNeverEmbeds() {
        FaqSearcher lexical = searcher(false);
        int before = embedder.calls;
        SearchResult r = lexical.search("forgot my pin");
        assertEquals(before, embedder.calls);
        assertEquals("reset-pin", r.candidates().get(0).entry().id());
        assertEquals(0.0, r.candidates().get(0).dense());
    }

    @Test
    void answerTextAlsoMatches() {
        SearchResult r = searcher(false).search("block explorer");
        assertEquals("pending", r.candidates().get(0).entry().id());
    }

    @Test
    void queryWithOnlyPunctuationDoesNotFail() {
        SearchResult r = searcher(true).search("???!!! ...");
        assertEquals(Decision.NONE, r.decision());
    }

    /** A mixed question is searched in English too, by its English words and the form of the question. */
    @Test
    void theEnglishWordsOfAMixedQuestion() {
        assertEquals("how to revoke approval", FaqSearcher.englishWords("怎么revoke approval"));
        assertEquals("how to seed phrase backup", FaqSearcher.englishWords("顺便问下seed phrase怎么backup"));
        assertEquals("why gas fee", FaqSearcher.englishWords("为什么gas fee这么高"));
        // Coin and chain names and a single word carry no topic of their own.
        assertEquals("", FaqSearcher.englishWords("usdt trc20 怎么转"));
        assertEquals("", FaqSearcher.englishWords("password忘了怎么办"));
        assertEquals("", FaqSearcher.englishWords("怎么备份助记词"));
    }

    /** A single English word inside Chinese is given the FAQ's Chinese word for it; a phrase wins over its parts. */
    @Test
    void theChineseWordsOfAMixedQuestion() {
        assertEquals("怎么backup我的助记词 备份", FaqSearcher.mixedWithChinese("怎么backup我的助记词"));
        assertEquals("seed phrase要怎么存 助记词", FaqSearcher.mixedWithChinese("seed phrase要怎么存"));
        assertEquals("怎么export private key 私钥 导出", FaqSearcher.mixedWithChinese("怎么export private key"));
        // Inside another word, or no word the FAQ has: nothing added.
        assertEquals("", FaqSearcher.mixedWithChinese("feedback在哪里提"));
        assertEquals("", FaqSearcher.mixedWithChinese("okx的app怎么注册"));
        assertEquals("", FaqSearcher.mixedWithChinese("怎么备份助记词"));
    }

    @Test
    void rememberedTermStatisticsGiveTheScoresOfAFreshSearcher() {
        // One searcher reads many one- and two-word queries (the analyzer reuses its buffers between them); each
        // result must equal what a searcher that never saw the others gives.
        FaqSearcher warm = searcher(false);
        for (String q : List.of("pin", "fees", "pending", "bitcoin", "pin code", "fee too high", "stuck", "pending btc")) {
            SearchResult seen = warm.search(q);
            SearchResult fresh = searcher(false).search(q);
            assertEquals(fresh.decision(), seen.decision(), q);
            assertEquals(fresh.candidates().size(), seen.candidates().size(), q);
            for (int i = 0; i < fresh.candidates().size(); i++) {
                assertEquals(fresh.candidates().get(i).entry().id(), seen.candidates().get(i).entry().id(), q);
                assertEquals(fresh.candidates().get(i).score(), seen.candidates().get(i).score(), 0.0, q);
            }
        }
    }
}

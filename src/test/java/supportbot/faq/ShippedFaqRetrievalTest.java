package supportbot.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real models on the shipped FAQ: colloquial questions in both languages reach the right topic. */
class ShippedFaqRetrievalTest {
    @TempDir
    static Path cacheDir;

    private static FaqService faq;

    @BeforeAll
    static void load() {
        faq = new FaqService(Path.of("faq-data"), new CachingEmbedder(new BgeEmbedder(), new EmbeddingCache(cacheDir)),
                TestSettings.shipped(), FaqIndexer.Progress.SILENT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "我转了U到交易所 三个小时了还没到账 | deposit-not-received",
            "客服会不会找我要助记词 | never-share-secret",
            "钱被盗了 怎么办 急 | scam-stolen",
            "USDT转账为什么扣了我好多TRX | tron-energy",
            "my transfer is stuck pending for hours | transfer-pending",
            "I sent usdt on the wrong network to my exchange | wrong-network",
            "forgot my wallet password | forgot-password",
            "how do I know this support account is real | verify-official"})
    void colloquialQuestionsFindTheirTopic(String query, String expected) {
        SearchResult r = faq.search(query);
        assertEquals(expected, r.candidates().get(0).entry().id(), () -> query + " -> " + r.top(3));
    }

    @Test
    void offTopicChatIsNotAnswered() {
        assertNotEquals(Decision.ANSWER, faq.search("what's a good pizza recipe").decision());
        assertNotEquals(Decision.ANSWER, faq.search("今天北京天气怎么样").decision());
    }
}

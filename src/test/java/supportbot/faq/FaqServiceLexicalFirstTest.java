package supportbot.faq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up without a wait: BM25 answers while the embeddings are computed, hybrid search once they are. */
class FaqServiceLexicalFirstTest {
    @TempDir
    Path dir;

    /** Embeds like {@link HashingEmbedder}, but the FAQ-side bulk embedding waits until the test lets it go. */
    private static final class GatedEmbedder implements Embedder {
        final HashingEmbedder inner = new HashingEmbedder();
        final CountDownLatch bulkStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile boolean fail;

        @Override
        public String modelId(Lang lang) {
            return inner.modelId(lang);
        }

        @Override
        public int dimension(Lang lang) {
            return inner.dimension(lang);
        }

        @Override
        public synchronized float[] embed(String text, Lang lang) {
            return inner.embed(text, lang);
        }

        @Override
        public List<float[]> embedAll(List<String> texts, Lang lang, IntConsumer progress) {
            bulkStarted.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the embedder");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (fail) {
                throw new IllegalStateException("model file is not on the classpath");
            }
            return Embedder.super.embedAll(texts, lang, progress);
        }
    }

    private void writeFaq() throws Exception {
        FaqFixtures.write(dir, "pin.yaml", FaqFixtures.topic("pin", "怎么重置PIN码", "在设置里重置", "How do I reset my PIN?",
                "Settings, then Reset PIN."));
        FaqFixtures.write(dir, "fees.yaml", FaqFixtures.topic("fees", "手续费怎么算", "看网络", "How are network fees calculated?",
                "By the network."));
    }

    @Test
    void bm25AnswersWhileTheEmbedderIsBlockedThenHybridTakesOver() throws Exception {
        writeFaq();
        var embedder = new GatedEmbedder();
        FaqService faq = FaqService.lexicalFirst(dir, embedder, TestSettings.shipped(), FaqIndexer.Progress.SILENT);
        faq.embedInBackground();

        assertTrue(embedder.bulkStarted.await(30, TimeUnit.SECONDS), "the background build started");
        assertEquals(FaqService.Embeddings.BUILDING, faq.embeddings());
        SearchResult during = faq.search("how do I reset my PIN");
        assertEquals("pin", during.candidates().get(0).entry().id(), "BM25 answers before the embedder finishes");
        assertEquals(0.0, during.candidates().get(0).dense(), "no dense score while building");
        assertTrue(!faq.searcher().index().semantic());

        embedder.release.countDown();
        faq.embeddingsDone().get(30, TimeUnit.SECONDS);
        assertEquals(FaqService.Embeddings.READY, faq.embeddings());
        SearchResult after = faq.search("how do I reset my PIN");
        assertEquals("pin", after.candidates().get(0).entry().id());
        assertTrue(after.candidates().get(0).dense() > 0, "hybrid search after the switch: " + after.candidates());
    }

    @Test
    void aFailedBackgroundBuildKeepsBm25Serving() throws Exception {
        writeFaq();
        var embedder = new GatedEmbedder();
        embedder.fail = true;
        FaqService faq = FaqService.lexicalFirst(dir, embedder, TestSettings.shipped(), FaqIndexer.Progress.SILENT);
        faq.embedInBackground();
        embedder.release.countDown();
        faq.embeddingsDone().get(30, TimeUnit.SECONDS);
        assertEquals(FaqService.Embeddings.FAILED, faq.embeddings());
        assertEquals("pin", faq.search("reset my PIN").candidates().get(0).entry().id());
    }

    @Test
    void aReloadDuringTheBuildIsNotUndoneByTheOlderBuild() throws Exception {
        writeFaq();
        var embedder = new GatedEmbedder();
        FaqService faq = FaqService.lexicalFirst(dir, embedder, TestSettings.shipped(), FaqIndexer.Progress.SILENT);
        faq.embedInBackground();
        assertTrue(embedder.bulkStarted.await(30, TimeUnit.SECONDS));
        FaqFixtures.write(dir, "seed.yaml", FaqFixtures.topic("seed", "助记词丢了", "无法找回", "I lost my seed phrase",
                "It cannot be recovered."));
        var reload = new Thread(faq::reload);
        reload.start();
        embedder.release.countDown();
        reload.join(30_000);
        faq.embeddingsDone().get(30, TimeUnit.SECONDS);
        assertTrue(faq.catalog().get("seed").isPresent(), "the reloaded FAQ stays live");
        assertEquals(FaqService.Embeddings.READY, faq.embeddings());
    }

    @Test
    void semanticOffNeedsNoBackgroundWork() throws Exception {
        writeFaq();
        FaqService faq = FaqService.lexicalFirst(dir, new GatedEmbedder(), TestSettings.shipped().withSemantic(false),
                FaqIndexer.Progress.SILENT);
        assertTrue(faq.embedInBackground().isDone());
        assertEquals(FaqService.Embeddings.OFF, faq.embeddings());
    }
}

package supportbot.faq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import supportbot.Await;

class CoalescingEmbedderTest {
    /** Vectors that tell which text they are for; the first batch waits until the test lets it go. */
    static final class GatedModel implements Embedder {
        final CountDownLatch release = new CountDownLatch(1);
        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();

        public String modelId(Lang lang) {
            return "gated";
        }

        public int dimension(Lang lang) {
            return 1;
        }

        public float[] embed(String text, Lang lang) {
            return embedBatch(List.of(text), lang).get(0);
        }

        @Override
        public List<float[]> embedBatch(List<String> texts, Lang lang) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            batchSizes.add(texts.size());
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.decrementAndGet();
            }
            if (texts.contains("boom")) {
                throw new IllegalArgumentException("model failed");
            }
            return texts.stream().map(t -> new float[] {t.length()}).toList();
        }
    }

    @Test
    void textsArrivingDuringABatchGoTogetherInTheNextAndEachGetsItsOwnVector() throws Exception {
        var model = new GatedModel();
        var coalescing = new CoalescingEmbedder(model, 16, 1);
        var first = CompletableFuture.supplyAsync(() -> coalescing.embed("a", Lang.EN));
        Await.until(() -> model.batchSizes.size() == 1, Duration.ofSeconds(10), "first batch running");
        var later = new ArrayList<CompletableFuture<float[]>>();
        for (String t : List.of("bb", "ccc", "dddd")) {
            later.add(CompletableFuture.supplyAsync(() -> coalescing.embed(t, Lang.EN)));
        }
        Await.until(() -> coalescing.queued(Lang.EN) == 3, Duration.ofSeconds(10), "three texts queued");
        model.release.countDown();
        assertArrayEquals(new float[] {1}, first.get());
        assertArrayEquals(new float[] {2}, later.get(0).get());
        assertArrayEquals(new float[] {3}, later.get(1).get());
        assertArrayEquals(new float[] {4}, later.get(2).get());
        assertEquals(List.of(1, 3), model.batchSizes);
        assertEquals(2.0, coalescing.meanBatch(), 1e-9);
    }

    @Test
    void eachPermitRunsABatchAtOnceAndTextsWaitingForAllOfThemShareTheNext() throws Exception {
        var model = new GatedModel();
        var coalescing = new CoalescingEmbedder(model, 16, 2);
        var first = CompletableFuture.supplyAsync(() -> coalescing.embed("a", Lang.EN));
        var second = CompletableFuture.supplyAsync(() -> coalescing.embed("bb", Lang.EN));
        Await.until(() -> model.batchSizes.size() == 2, Duration.ofSeconds(10), "two batches running at once");
        var later = new ArrayList<CompletableFuture<float[]>>();
        for (String t : List.of("ccc", "dddd", "eeeee", "ffffff")) {
            later.add(CompletableFuture.supplyAsync(() -> coalescing.embed(t, Lang.EN)));
        }
        Await.until(() -> coalescing.queued(Lang.EN) == 4, Duration.ofSeconds(10), "four texts queued behind both");
        assertEquals(2, model.batchSizes.size(), "no third run while both permits are busy");
        model.release.countDown();
        assertArrayEquals(new float[] {1}, first.get());
        assertArrayEquals(new float[] {2}, second.get());
        for (int i = 0; i < later.size(); i++) {
            assertArrayEquals(new float[] {i + 3}, later.get(i).get());
        }
        assertEquals(2, model.mostAtOnce.get());
        assertEquals(6, model.batchSizes.stream().mapToInt(Integer::intValue).sum());
        // Whoever takes a freed permit first finds all four waiting and takes half or all of them, depending on
        // whether the other permit is free by then; how the rest is split depends on timing.
        int largestLater = model.batchSizes.subList(2, model.batchSizes.size()).stream().mapToInt(Integer::intValue).max()
                .orElse(0);
        assertTrue(largestLater >= 2, "texts that waited for a permit shared a run: " + model.batchSizes);
    }

    @Test
    void aTextArrivingWhileAPermitIsFreeRunsAtOnceBesideTheBusyOne() throws Exception {
        var model = new GatedModel();
        var coalescing = new CoalescingEmbedder(model, 16, 2);
        var first = CompletableFuture.supplyAsync(() -> coalescing.embed("a", Lang.EN));
        Await.until(() -> model.batchSizes.size() == 1, Duration.ofSeconds(10), "first batch running");
        var second = CompletableFuture.supplyAsync(() -> coalescing.embed("bb", Lang.EN));
        Await.until(() -> model.batchSizes.size() == 2, Duration.ofSeconds(10), "second batch on the free permit");
        model.release.countDown();
        assertArrayEquals(new float[] {1}, first.get());
        assertArrayEquals(new float[] {2}, second.get());
        assertEquals(List.of(1, 1), model.batchSizes);
    }

    @Test
    void aFailedBatchFailsItsCallersAndTheNextBatchStillRuns() {
        var model = new GatedModel();
        model.release.countDown();
        var coalescing = new CoalescingEmbedder(model, 16);
        assertThrows(IllegalArgumentException.class, () -> coalescing.embed("boom", Lang.EN));
        assertArrayEquals(new float[] {2}, coalescing.embed("ok", Lang.EN));
    }

    @Test
    void theQueryCacheEmbedsARepeatedTextOnce() {
        var model = new HashingEmbedder();
        var cache = new QueryCache(model, 100);
        float[] a = cache.embed("how do I back up", Lang.EN);
        float[] b = cache.embed("how do I back up", Lang.EN);
        assertEquals(1, model.calls);
        assertArrayEquals(a, b);
        cache.embed("how do I back up", Lang.ZH);
        assertEquals(2, model.calls, "another language is another model");
    }
}

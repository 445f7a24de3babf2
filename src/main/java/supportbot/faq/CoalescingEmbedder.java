package supportbot.faq;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;

/**
 * Query embeddings from many conversations at once go to the model in batches. No thread of its own and no
 * timer: a caller queues its text and takes a run permit; whoever holds one embeds everything queued so far for
 * its language in one {@link Embedder#embedBatch} call. There are as many permits as cores, because one model
 * run uses one core: with a single lock per language, a stretch of questions in one language ran the model on
 * one core while the other waited. Texts that arrive while every permit is busy form the next batches, so under
 * load batches grow by themselves and an idle bot adds no wait at all.
 */
public final class CoalescingEmbedder implements Embedder {
    private record Request(String text, CompletableFuture<float[]> result) {
    }

    private final Embedder model;
    private final int maxBatch;
    private final Map<Lang, ConcurrentLinkedQueue<Request>> queues = new EnumMap<>(Lang.class);
    private final Semaphore runs;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong texts = new AtomicLong();

    public CoalescingEmbedder(Embedder model, int maxBatch) {
        this(model, maxBatch, Runtime.getRuntime().availableProcessors());
    }

    /** @param concurrentRuns model runs at once, over all languages (one core each) */
    public CoalescingEmbedder(Embedder model, int maxBatch, int concurrentRuns) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        if (concurrentRuns < 1) {
            throw new IllegalArgumentException("concurrentRuns must be at least 1, was " + concurrentRuns);
        }
        this.model = model;
        this.maxBatch = maxBatch;
        this.runs = new Semaphore(concurrentRuns);
        for (Lang lang : Lang.values()) {
            queues.put(lang, new ConcurrentLinkedQueue<>());
        }
    }

    @Override
    public String modelId(Lang lang) {
        return model.modelId(lang);
    }

    @Override
    public int dimension(Lang lang) {
        return model.dimension(lang);
    }

    @Override
    public float[] embed(String text, Lang lang) {
        var request = new Request(text, new CompletableFuture<>());
        queues.get(lang).add(request);
        while (!request.result().isDone()) {
            // Blocks while every permit runs a batch; ours may be in one of them, and is done when a permit frees.
            runs.acquireUninterruptibly();
            boolean ran;
            try {
                ran = request.result().isDone() || runBatch(lang);
            } finally {
                runs.release();
            }
            if (!ran) {
                // Nothing queued, so another caller's running batch holds our text: wait for it, not for a permit.
                request.result().handle((v, e) -> null).join();
            }
        }
        try {
            return request.result().join();
        } catch (java.util.concurrent.CompletionException e) {
            // The caller sees the model's own failure, as if it had called the model itself.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** False when nothing was queued. */
    private boolean runBatch(Lang lang) {
        var queue = queues.get(lang);
        // Leave a share for each idle permit: a batch costs about its texts' single runs on these models, so
        // two half batches on two cores finish sooner than one whole batch on one.
        int limit = Math.min(maxBatch, Math.max(1, (queue.size() + runs.availablePermits()) / (runs.availablePermits() + 1)));
        var batch = new ArrayList<Request>(limit);
        Request next;
        while (batch.size() < limit && (next = queue.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return false;
        }
        try {
            List<float[]> vectors = model.embedBatch(batch.stream().map(Request::text).toList(), lang);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(vectors.get(i));
            }
            batches.incrementAndGet();
            texts.addAndGet(batch.size());
        } catch (RuntimeException | Error e) {
            batch.forEach(r -> r.result().completeExceptionally(e));
        }
        return true;
    }

    @Override
    public List<float[]> embedBatch(List<String> many, Lang lang) {
        return model.embedBatch(many, lang);
    }

    @Override
    public List<float[]> embedAll(List<String> many, Lang lang, IntConsumer progress) {
        return model.embedAll(many, lang, progress);
    }

    /** Texts waiting for the next batch in {@code lang}. */
    int queued(Lang lang) {
        return queues.get(lang).size();
    }

    /** Texts per model call so far: 1 when nothing overlapped. */
    public double meanBatch() {
        long b = batches.get();
        return b == 0 ? 0 : (double) texts.get() / b;
    }
}

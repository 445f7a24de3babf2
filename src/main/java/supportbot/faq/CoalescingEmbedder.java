package supportbot.faq;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * Query embeddings from many conversations at once go to the model as one batch. No thread of its own and no
 * timer: a caller queues its text and takes the language's lock; whoever holds it embeds everything queued so
 * far in one {@link Embedder#embedBatch} call. Texts that arrive while a batch runs form the next batch, so
 * under load batches grow by themselves and an idle bot adds no wait at all.
 */
public final class CoalescingEmbedder implements Embedder {
    private record Request(String text, CompletableFuture<float[]> result) {
    }

    private final Embedder model;
    private final int maxBatch;
    private final Map<Lang, ConcurrentLinkedQueue<Request>> queues = new EnumMap<>(Lang.class);
    private final Map<Lang, ReentrantLock> locks = new EnumMap<>(Lang.class);
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong texts = new AtomicLong();

    public CoalescingEmbedder(Embedder model, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        this.model = model;
        this.maxBatch = maxBatch;
        for (Lang lang : Lang.values()) {
            queues.put(lang, new ConcurrentLinkedQueue<>());
            locks.put(lang, new ReentrantLock());
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
        ReentrantLock lock = locks.get(lang);
        while (!request.result().isDone()) {
            lock.lock();
            try {
                if (!request.result().isDone()) {
                    runBatch(lang);
                }
            } finally {
                lock.unlock();
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

    private void runBatch(Lang lang) {
        var batch = new ArrayList<Request>(maxBatch);
        Request next;
        while (batch.size() < maxBatch && (next = queues.get(lang).poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
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

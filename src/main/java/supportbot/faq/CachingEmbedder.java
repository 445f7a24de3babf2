package supportbot.faq;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/** Serves FAQ-side embeddings from the disk cache and embeds only what is new. */
public final class CachingEmbedder implements Embedder {
    private final Embedder model;
    private final EmbeddingCache cache;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public CachingEmbedder(Embedder model, EmbeddingCache cache) {
        this.model = model;
        this.cache = cache;
    }

    @Override
    public String modelId(Lang lang) {
        return model.modelId(lang);
    }

    @Override
    public int dimension(Lang lang) {
        return model.dimension(lang);
    }

    /** Queries are not cached: users rarely repeat themselves word for word, and the cache would grow forever. */
    @Override
    public float[] embed(String text, Lang lang) {
        return model.embed(text, lang);
    }

    @Override
    public List<float[]> embedAll(List<String> texts, Lang lang, IntConsumer progress) {
        String id = modelId(lang);
        int dim = dimension(lang);
        var out = new ArrayList<float[]>(texts.size());
        var missingIdx = new ArrayList<Integer>();
        var missingText = new ArrayList<String>();
        for (int i = 0; i < texts.size(); i++) {
            float[] v = cache.get(id, dim, texts.get(i));
            out.add(v);
            if (v == null) {
                missingIdx.add(i);
                missingText.add(texts.get(i));
            }
        }
        hits.addAndGet(texts.size() - missingText.size());
        misses.addAndGet(missingText.size());
        int cached = texts.size() - missingText.size();
        progress.accept(cached);
        if (!missingText.isEmpty()) {
            List<float[]> fresh = model.embedAll(missingText, lang, done -> progress.accept(cached + done));
            for (int j = 0; j < fresh.size(); j++) {
                out.set(missingIdx.get(j), fresh.get(j));
                cache.put(id, dim, missingText.get(j), fresh.get(j));
            }
        }
        return out;
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }
}

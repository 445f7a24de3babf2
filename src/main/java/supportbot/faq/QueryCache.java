package supportbot.faq;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.IntConsumer;

/**
 * Remembers the vectors of recent query texts, bounded. The intent classifier and the FAQ search embed the
 * same message in the same turn, and users repeat short messages ("hi", "转人工", a pasted question), so one
 * model call serves them all. Bulk embedding ({@link #embedAll}) passes through: the FAQ has its disk cache.
 */
public final class QueryCache implements Embedder {
    private record Key(Lang lang, String text) {
    }

    private final Embedder model;
    private final Cache<Key, float[]> cache;

    public QueryCache(Embedder model, long maxTexts) {
        this.model = model;
        this.cache = CacheBuilder.newBuilder().maximumSize(maxTexts).recordStats().build();
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
        try {
            // Callers only read the vector; sharing one array is safe.
            return cache.get(new Key(lang, text), () -> model.embed(text, lang));
        } catch (ExecutionException e) {
            throw new IllegalStateException("embedding failed", e.getCause());
        } catch (com.google.common.util.concurrent.UncheckedExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public List<float[]> embedAll(List<String> texts, Lang lang, IntConsumer progress) {
        return model.embedAll(texts, lang, progress);
    }

    public double hitRate() {
        return cache.stats().hitRate();
    }
}

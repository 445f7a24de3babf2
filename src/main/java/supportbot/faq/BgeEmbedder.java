package supportbot.faq;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15q.BgeSmallZhV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The in-process quantized BGE models (ONNX Runtime, weights inside the jar, no network): bge-small-zh for
 * Chinese, bge-small-en for English. Models load on first use because each takes about a second.
 */
public final class BgeEmbedder implements Embedder {
    private static final int BATCH = 32;

    static {
        // DJL (the tokenizer's runtime) otherwise probes cloud metadata endpoints at start.
        System.setProperty("OPT_OUT_TRACKING", "true");
    }

    private volatile EmbeddingModel zh;
    private volatile EmbeddingModel en;

    @Override
    public String modelId(Lang lang) {
        return lang == Lang.ZH ? "bge-small-zh-v1.5-q" : "bge-small-en-v1.5-q";
    }

    @Override
    public int dimension(Lang lang) {
        return lang == Lang.ZH ? 512 : 384;
    }

    @Override
    public float[] embed(String text, Lang lang) {
        return model(lang).embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts, Lang lang, IntConsumer progress) {
        var out = new ArrayList<float[]>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            var batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream().map(TextSegment::from).toList();
            model(lang).embedAll(batch).content().forEach(e -> out.add(e.vector()));
            progress.accept(out.size());
        }
        return out;
    }

    private EmbeddingModel model(Lang lang) {
        if (lang == Lang.ZH) {
            if (zh == null) {
                synchronized (this) {
                    if (zh == null) {
                        zh = new BgeSmallZhV15QuantizedEmbeddingModel();
                    }
                }
            }
            return zh;
        }
        if (en == null) {
            synchronized (this) {
                if (en == null) {
                    en = new BgeSmallEnV15QuantizedEmbeddingModel();
                }
            }
        }
        return en;
    }
}

package supportbot.faq;

import java.util.List;
import java.util.function.IntConsumer;

/** Turns text into a dense vector, with a separate model (and vector space) per language. */
public interface Embedder {
    /** Identifies the model behind {@code lang}; vectors from different models are never compared. */
    String modelId(Lang lang);

    int dimension(Lang lang);

    float[] embed(String text, Lang lang);

    /**
     * Embeds a few short texts in one model call where the model can (a query batch); by default one by one.
     * Unlike {@link #embedAll} it uses no other threads: the calling thread does the work.
     */
    default List<float[]> embedBatch(List<String> texts, Lang lang) {
        return texts.stream().map(t -> embed(t, lang)).toList();
    }

    /** Embeds many texts; {@code progress} receives the running count so large FAQs can show progress. */
    default List<float[]> embedAll(List<String> texts, Lang lang, IntConsumer progress) {
        var out = new java.util.ArrayList<float[]>(texts.size());
        for (String t : texts) {
            out.add(embed(t, lang));
            progress.accept(out.size());
        }
        return out;
    }
}

package supportbot.faq;

import java.util.List;
import java.util.function.IntConsumer;

/** Turns text into a dense vector, with a separate model (and vector space) per language. */
public interface Embedder {
    /** Identifies the model behind {@code lang}; vectors from different models are never compared. */
    String modelId(Lang lang);

    int dimension(Lang lang);

    float[] embed(String text, Lang lang);

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

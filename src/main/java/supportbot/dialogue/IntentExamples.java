package supportbot.dialogue;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import supportbot.faq.Embedder;
import supportbot.faq.Lang;
import supportbot.faq.LanguageDetector;
import supportbot.text.Reading;

/**
 * Nearest labelled examples: a message takes the intent whose closest examples (in the message's own language
 * model) are most similar, if that similarity clears the threshold and leads the next intent by the margin.
 * Examples are filed by the language detected in their text, not the list they were written under, so mixed
 * zh/en examples meet mixed messages in the same vector space.
 */
final class IntentExamples {
    /** How many of an intent's nearest examples are averaged: one stray example cannot carry an intent alone. */
    static final int K = 2;

    /** Acceptance per language: the two models' similarity scales differ. */
    record Thresholds(double minScore, double minMargin) {
    }

    /**
     * One language's examples as one row-major matrix of their normalised vectors: a message is compared with
     * all of them in one pass over contiguous memory.
     */
    private record ExampleMatrix(Intent[] intents, float[] rows, int dimension) {
        int size() {
            return intents.length;
        }
    }

    private static final Intent[] INTENTS = Intent.values();

    /** How many recent texts' nearest intents are remembered: users repeat short messages ("hi", "转人工"). */
    private static final int RECENT_TEXTS = 10_000;

    private final Embedder embedder;
    // Examples and model never change after construction, so a remembered answer stays exact.
    private final Cache<String, Optional<IntentMatch>> recent = CacheBuilder.newBuilder().maximumSize(RECENT_TEXTS).build();
    private final Map<Lang, ExampleMatrix> byLang = new EnumMap<>(Lang.class);
    private final Map<Lang, Thresholds> thresholds;

    IntentExamples(Embedder embedder, Map<Intent, List<String>> examples, Map<Lang, Thresholds> thresholds) {
        this.embedder = embedder;
        this.thresholds = thresholds;
        var texts = new EnumMap<Lang, List<String>>(Lang.class);
        var labels = new EnumMap<Lang, List<Intent>>(Lang.class);
        examples.forEach((intent, list) -> list.forEach(raw -> {
            String text = Reading.of(raw);
            Lang lang = LanguageDetector.detect(text);
            texts.computeIfAbsent(lang, l -> new ArrayList<>()).add(text);
            labels.computeIfAbsent(lang, l -> new ArrayList<>()).add(intent);
        }));
        texts.forEach((lang, list) -> {
            List<float[]> vectors = embedder.embedAll(list, lang, done -> { });
            int dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
            float[] rows = new float[vectors.size() * dimension];
            for (int i = 0; i < vectors.size(); i++) {
                System.arraycopy(vectors.get(i), 0, rows, i * dimension, dimension);
            }
            byLang.put(lang, new ExampleMatrix(labels.get(lang).toArray(new Intent[0]), rows, dimension));
        });
    }

    /** The best and second-best intent for {@code read} (already in {@link Reading} form), unfiltered. */
    Optional<IntentMatch> nearest(String read) {
        Optional<IntentMatch> known = recent.getIfPresent(read);
        if (known == null) {
            known = compare(read);
            recent.put(read, known);
        }
        return known;
    }

    private Optional<IntentMatch> compare(String read) {
        if (read.isBlank()) {
            return Optional.empty();
        }
        Lang lang = LanguageDetector.detect(read);
        ExampleMatrix examples = byLang.get(lang);
        if (examples == null || examples.size() == 0) {
            return Optional.empty();
        }
        float[] q = embedder.embed(read, lang);
        // Indexed by intent ordinal and walked in ordinal order, as the EnumMap it replaces was.
        double[][] top = new double[INTENTS.length][];
        for (int row = 0; row < examples.size(); row++) {
            int intent = examples.intents()[row].ordinal();
            if (top[intent] == null) {
                top[intent] = new double[K];
            }
            insert(top[intent], dot(q, examples.rows(), row * examples.dimension()));
        }
        Intent bestIntent = null;
        double best = -1;
        double second = -1;
        for (int intent = 0; intent < top.length; intent++) {
            if (top[intent] == null) {
                continue;
            }
            double s = mean(top[intent]);
            if (s > best) {
                second = best;
                best = s;
                bestIntent = INTENTS[intent];
            } else if (s > second) {
                second = s;
            }
        }
        return Optional.of(new IntentMatch(bestIntent, best, best - Math.max(second, 0), false));
    }

    /** {@link #nearest} when it clears the language's threshold and margin. */
    Optional<IntentMatch> classify(String read) {
        Thresholds t = thresholds.get(LanguageDetector.detect(read));
        return nearest(read).filter(m -> t != null && m.score() >= t.minScore() && m.margin() >= t.minMargin());
    }

    private static void insert(double[] best, double sim) {
        // best is sorted descending and starts as zeros, which any real neighbour of a normalised vector beats.
        for (int i = 0; i < best.length; i++) {
            if (sim > best[i]) {
                System.arraycopy(best, i, best, i + 1, best.length - i - 1);
                best[i] = sim;
                return;
            }
        }
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /**
     * {@code q} · the row of {@code rows} starting at {@code from}: float products summed in double, as before,
     * but in four independent sums so the CPU overlaps the additions instead of waiting on each (the one chain
     * of dependent additions was most of a turn's intent reading). Only the order of the additions changed:
     * the result moves by less than 1e-15, far below any threshold's precision.
     */
    static double dot(float[] q, float[] rows, int from) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = q.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += q[i] * rows[from + i];
            s1 += q[i + 1] * rows[from + i + 1];
            s2 += q[i + 2] * rows[from + i + 2];
            s3 += q[i + 3] * rows[from + i + 3];
        }
        for (; i < n; i++) {
            s0 += q[i] * rows[from + i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}

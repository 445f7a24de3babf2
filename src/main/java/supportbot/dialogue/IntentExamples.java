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

    private record Example(Intent intent, float[] vector) {
    }

    /** How many recent texts' nearest intents are remembered: users repeat short messages ("hi", "转人工"). */
    private static final int RECENT_TEXTS = 10_000;

    private final Embedder embedder;
    // Examples and model never change after construction, so a remembered answer stays exact.
    private final Cache<String, Optional<IntentMatch>> recent = CacheBuilder.newBuilder().maximumSize(RECENT_TEXTS).build();
    private final Map<Lang, List<Example>> byLang = new EnumMap<>(Lang.class);
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
            var out = new ArrayList<Example>(list.size());
            for (int i = 0; i < vectors.size(); i++) {
                out.add(new Example(labels.get(lang).get(i), vectors.get(i)));
            }
            byLang.put(lang, out);
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
        List<Example> examples = byLang.getOrDefault(lang, List.of());
        if (examples.isEmpty()) {
            return Optional.empty();
        }
        float[] q = embedder.embed(read, lang);
        var top = new EnumMap<Intent, double[]>(Intent.class);
        for (Example e : examples) {
            double sim = dot(q, e.vector());
            double[] best = top.computeIfAbsent(e.intent(), i -> new double[K]);
            insert(best, sim);
        }
        Intent bestIntent = null;
        double best = -1;
        double second = -1;
        for (var entry : top.entrySet()) {
            double s = mean(entry.getValue());
            if (s > best) {
                second = best;
                best = s;
                bestIntent = entry.getKey();
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

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}

package supportbot.dialogue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import supportbot.faq.Embedder;
import supportbot.faq.Lang;
import supportbot.faq.LanguageDetector;

/**
 * Chooses minScore and minMargin per language on a held-back fifth of the examples (every fifth example of each
 * intent), with the index built from the other four fifths. A confident wrong intent costs twice what an
 * abstention costs: abstaining falls back to the FAQ and category path, a wrong intent acts on the user.
 */
final class Calibration {
    record Result(Map<Lang, IntentExamples.Thresholds> thresholds, Map<Lang, double[]> heldBack) {
        /** accuracy, coverage (share not abstained) and messages on the held-back part, per language */
        String describe() {
            var sb = new StringBuilder();
            thresholds.forEach((lang, t) -> sb.append(String.format("%s: minScore=%.2f minMargin=%.3f -> held-back accuracy %.3f,"
                    + " answered %.3f of %d%n", lang.code(), t.minScore(), t.minMargin(), heldBack.get(lang)[0],
                    heldBack.get(lang)[1], (int) heldBack.get(lang)[2])));
            return sb.toString();
        }
    }

    private record Scored(Lang lang, Intent gold, Intent got, double score, double margin) {
    }

    static Result run(IntentClassifier base, Embedder embedder) {
        var kept = new EnumMap<Intent, List<String>>(Intent.class);
        var heldBack = new ArrayList<HeldOut>();
        base.examples().forEach((intent, list) -> {
            var k = new ArrayList<String>();
            for (int i = 0; i < list.size(); i++) {
                if (i % 5 == 4) {
                    heldBack.add(new HeldOut(intent, list.get(i)));
                } else {
                    k.add(list.get(i));
                }
            }
            kept.put(intent, k);
        });
        IntentClassifier trained = base.withExamples(embedder, kept, base.thresholds());
        var scored = new ArrayList<Scored>();
        for (HeldOut m : heldBack) {
            trained.nearestExamples(m.text()).ifPresent(n -> scored.add(new Scored(
                    LanguageDetector.detect(supportbot.text.Reading.of(m.text())), m.intent(), n.intent(), n.score(), n.margin())));
        }
        var thresholds = new EnumMap<Lang, IntentExamples.Thresholds>(Lang.class);
        var results = new EnumMap<Lang, double[]>(Lang.class);
        for (Lang lang : Lang.values()) {
            List<Scored> mine = scored.stream().filter(s -> s.lang() == lang).toList();
            double bestGain = Double.NEGATIVE_INFINITY;
            IntentExamples.Thresholds best = null;
            double[] bestStats = null;
            for (int s = 30; s <= 95; s++) {
                for (int m = 0; m <= 20; m++) {
                    double minScore = s / 100.0;
                    double minMargin = m / 200.0;
                    int right = 0;
                    int wrong = 0;
                    for (Scored x : mine) {
                        if (x.score() >= minScore && x.margin() >= minMargin) {
                            if (x.got() == x.gold()) {
                                right++;
                            } else {
                                wrong++;
                            }
                        }
                    }
                    double gain = right - 2.0 * wrong;
                    if (gain > bestGain) {
                        bestGain = gain;
                        best = new IntentExamples.Thresholds(minScore, minMargin);
                        bestStats = new double[] {(double) right / mine.size(), (double) (right + wrong) / mine.size(), mine.size()};
                    }
                }
            }
            thresholds.put(lang, best);
            results.put(lang, bestStats);
        }
        return new Result(thresholds, results);
    }
}

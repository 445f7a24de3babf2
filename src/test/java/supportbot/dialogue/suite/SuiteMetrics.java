package supportbot.dialogue.suite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The numbers, per language and overall, from the scripts' outcomes. */
record SuiteMetrics(String lang, int conversations, int passed, int detailsExpected, int detailsExtracted,
                    int detailsCorrect, int corrections, int correctionsPassed, List<Integer> turnsToTicket,
                    int oosTurns, int oosConfident) {
    /** Details every report gets from its first message; they say nothing about reading details. */
    private static final Set<String> NOT_COUNTED = Set.of("description", "screenshot");
    static final double MIN_PASS = 0.95;
    static final double MIN_PRECISION = 0.98;
    static final double MIN_RECALL = 0.95;
    static final double MAX_MEDIAN_TURNS = 3;
    static final double MAX_CONFIDENT_OOS = 0.02;

    static Map<String, SuiteMetrics> compute(List<ScriptRunner.Outcome> outcomes) {
        Map<String, SuiteMetrics> out = new LinkedHashMap<>();
        for (String lang : List.of("zh", "zh-hant", "en", "mixed")) {
            out.put(lang, of(lang, outcomes.stream().filter(o -> o.script().lang().equals(lang)).toList()));
        }
        out.put("all", of("all", outcomes));
        return out;
    }

    private static SuiteMetrics of(String lang, List<ScriptRunner.Outcome> outcomes) {
        int passed = 0, expected = 0, extracted = 0, correct = 0, corrections = 0, correctionsPassed = 0, oos = 0,
                confident = 0;
        List<Integer> turns = new ArrayList<>();
        for (var o : outcomes) {
            passed += o.passed() ? 1 : 0;
            if (o.script().tagged("upfront")) {
                Map<String, String> given = o.script().given();
                for (var e : given.entrySet()) {
                    expected++;
                    correct += ScriptRunner.valueMatches(e.getValue(), o.firstTurnDetails().get(e.getKey())) ? 1 : 0;
                }
                extracted += (int) o.firstTurnDetails().keySet().stream().filter(k -> !NOT_COUNTED.contains(k)).count();
                turns.add(o.turnsToTicket() == null ? ScriptRunner.TURN_CAP + 1 : o.turnsToTicket());
            }
            if (o.script().tagged("correction")) {
                corrections++;
                correctionsPassed += o.passed() ? 1 : 0;
            }
            oos += o.oosTurns();
            confident += o.oosConfident();
        }
        turns.sort(Comparator.naturalOrder());
        return new SuiteMetrics(lang, outcomes.size(), passed, expected, extracted, correct, corrections,
                correctionsPassed, turns, oos, confident);
    }

    double passRate() {
        return ratio(passed, conversations);
    }

    double precision() {
        return ratio(detailsCorrect, detailsExtracted);
    }

    double recall() {
        return ratio(detailsCorrect, detailsExpected);
    }

    double correctionSuccess() {
        return ratio(correctionsPassed, corrections);
    }

    double medianTurns() {
        if (turnsToTicket.isEmpty()) {
            return Double.NaN;
        }
        int n = turnsToTicket.size();
        return n % 2 == 1 ? turnsToTicket.get(n / 2) : (turnsToTicket.get(n / 2 - 1) + turnsToTicket.get(n / 2)) / 2.0;
    }

    double confidentOosRate() {
        return ratio(oosConfident, oosTurns);
    }

    /** Which targets this language misses, in words; empty when it meets all of them. */
    List<String> missedTargets() {
        List<String> missed = new ArrayList<>();
        if (conversations > 0 && passRate() < MIN_PASS) {
            missed.add(String.format(Locale.ROOT, "%s: pass rate %.1f %% < 95 %%", lang, 100 * passRate()));
        }
        if (detailsExtracted > 0 && precision() < MIN_PRECISION || detailsExpected > 0 && detailsExtracted == 0) {
            missed.add(String.format(Locale.ROOT, "%s: detail precision %.3f < 0.98", lang, precision()));
        }
        if (detailsExpected > 0 && recall() < MIN_RECALL) {
            missed.add(String.format(Locale.ROOT, "%s: detail recall %.3f < 0.95", lang, recall()));
        }
        if (!turnsToTicket.isEmpty() && medianTurns() > MAX_MEDIAN_TURNS) {
            missed.add(String.format(Locale.ROOT, "%s: median turns to ticket %.1f > 3", lang, medianTurns()));
        }
        if (oosTurns > 0 && confidentOosRate() > MAX_CONFIDENT_OOS) {
            missed.add(String.format(Locale.ROOT, "%s: confident out-of-scope answers %.1f %% > 2 %%", lang,
                    100 * confidentOosRate()));
        }
        return missed;
    }

    String tableRow() {
        String median = turnsToTicket.isEmpty() ? "–" : medianTurns() > ScriptRunner.TURN_CAP
                ? "> " + ScriptRunner.TURN_CAP : String.format(Locale.ROOT, "%.1f", medianTurns());
        return String.format(Locale.ROOT, "| %s | %d | %.1f %% (%d) | %s | %s | %s | %s | %s |", lang, conversations,
                100 * passRate(), passed, fmt(precision(), detailsCorrect, detailsExtracted),
                fmt(recall(), detailsCorrect, detailsExpected),
                corrections == 0 ? "–" : String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100 * correctionSuccess(),
                        correctionsPassed, corrections),
                median + " (n=" + turnsToTicket.size() + ")",
                oosTurns == 0 ? "–" : String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100 * confidentOosRate(), oosConfident,
                        oosTurns));
    }

    static String tableHeader() {
        return "| language | conversations | pass | detail precision | detail recall | correction success"
                + " | median turns to ticket (upfront) | confident out-of-scope answers |\n|---|---|---|---|---|---|---|---|";
    }

    private static String fmt(double v, int num, int den) {
        return den == 0 ? "–" : String.format(Locale.ROOT, "%.3f (%d/%d)", v, num, den);
    }

    private static double ratio(int num, int den) {
        return den == 0 ? 0 : (double) num / den;
    }
}

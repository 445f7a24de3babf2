package supportbot.faq;

import java.util.Arrays;
import java.util.List;

/** Runs labelled queries through a searcher and measures ranking, the answer decision and latency. */
public final class FaqEvaluation {
    private FaqEvaluation() {
    }

    public static EvalReport run(FaqSearcher searcher, List<LabelledQuery> queries) {
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("no queries to evaluate");
        }
        // Untimed warm-up: the first searches load the models and JIT-compile the hot path.
        queries.stream().limit(20).forEach(q -> searcher.search(q.query()));
        int hitAt1 = 0;
        int hitAt3 = 0;
        double reciprocalRanks = 0;
        int answered = 0;
        int answeredRight = 0;
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            LabelledQuery q = queries.get(i);
            long start = System.nanoTime();
            SearchResult result = searcher.search(q.query());
            nanos[i] = System.nanoTime() - start;
            int rank = rankOf(result, q.expected());
            hitAt1 += rank == 1 ? 1 : 0;
            hitAt3 += rank >= 1 && rank <= 3 ? 1 : 0;
            reciprocalRanks += rank >= 1 ? 1.0 / rank : 0;
            if (result.decision() == Decision.ANSWER) {
                answered++;
                answeredRight += rank == 1 ? 1 : 0;
            }
        }
        int n = queries.size();
        Arrays.sort(nanos);
        return new EvalReport(n, (double) hitAt1 / n, (double) hitAt3 / n, reciprocalRanks / n,
                (double) answered / n, answered == 0 ? 0 : (double) answeredRight / answered,
                percentile(nanos, 0.50) / 1e6, percentile(nanos, 0.99) / 1e6);
    }

    /** 1-based rank of {@code expectedId} among the candidates, or 0 when absent. */
    static int rankOf(SearchResult result, String expectedId) {
        List<Candidate> c = result.candidates();
        for (int i = 0; i < c.size(); i++) {
            if (c.get(i).entry().id().equals(expectedId)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Nearest-rank percentile of sorted values. */
    public static long percentile(long[] sorted, double p) {
        int idx = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }
}

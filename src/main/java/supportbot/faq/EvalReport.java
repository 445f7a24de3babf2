package supportbot.faq;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Retrieval quality and speed over a labelled query set; field names are the fixed {@code eval --json} keys. */
public record EvalReport(
        @JsonProperty("queries") int queries,
        @JsonProperty("recall_at_1") double recallAt1,
        @JsonProperty("recall_at_3") double recallAt3,
        @JsonProperty("mrr") double mrr,
        @JsonProperty("answer_coverage") double answerCoverage,
        @JsonProperty("answer_precision") double answerPrecision,
        @JsonProperty("p50_ms") double p50Millis,
        @JsonProperty("p99_ms") double p99Millis) {

    public String toText() {
        return String.format(java.util.Locale.ROOT, """
                queries           %d
                R@1               %.4f
                R@3               %.4f
                MRR               %.4f
                answer coverage   %.4f
                answer precision  %.4f
                latency p50 / p99 %.2f ms / %.2f ms
                """, queries, recallAt1, recallAt3, mrr, answerCoverage, answerPrecision, p50Millis, p99Millis);
    }
}

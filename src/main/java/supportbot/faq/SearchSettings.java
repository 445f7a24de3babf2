package supportbot.faq;

/**
 * How search scores and decides; every number comes from config ({@code faq.*}) and was picked by
 * {@code eval}. A fused score is {@code (dense * denseWeight + lexical * lexicalWeight) / (denseWeight +
 * lexicalWeight)}, where dense is the cosine similarity of the query to the phrasings of a topic and
 * lexical is the best BM25 score squashed into [0,1) as {@code bm25 / (bm25 + lexicalSaturation)}.
 */
public record SearchSettings(
        boolean semantic,
        double denseWeight,
        double lexicalWeight,
        double lexicalSaturation,
        double answerTextWeight,
        double phrasingTemperature,
        int candidateDocs,
        DecisionThresholds hybrid,
        DecisionThresholds lexicalOnly) {

    public static SearchSettings defaults() {
        return new SearchSettings(true, 0.8, 0.2, 8.0, 0.9, 0.0, 200,
                new DecisionThresholds(0.70, 0.04, 0.55),
                new DecisionThresholds(0.60, 0.08, 0.40));
    }

    public DecisionThresholds thresholds() {
        return semantic ? hybrid : lexicalOnly;
    }

    public SearchSettings withSemantic(boolean on) {
        return new SearchSettings(on, denseWeight, lexicalWeight, lexicalSaturation, answerTextWeight,
                phrasingTemperature, candidateDocs, hybrid, lexicalOnly);
    }

    /**
     * {@code answer} needs a top score of at least answerMinScore and a lead over the runner-up of at least
     * answerMinMargin; below that, {@code suggest} needs suggestMinScore; otherwise {@code none}.
     */
    public record DecisionThresholds(double answerMinScore, double answerMinMargin, double suggestMinScore) {
    }
}

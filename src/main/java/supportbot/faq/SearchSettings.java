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

package supportbot.faq;

/** One FAQ topic that matched a query, with the parts of its score (for {@code ask} and tuning). */
public record Candidate(FaqEntry entry, double score, double dense, double lexical) {
}

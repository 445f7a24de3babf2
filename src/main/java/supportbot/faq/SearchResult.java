package supportbot.faq;

import java.util.List;

/** The ranked candidates for one query, best first, and the decision taken on them. */
public record SearchResult(String query, Lang lang, Decision decision, List<Candidate> candidates) {
    public SearchResult {
        candidates = List.copyOf(candidates);
    }

    public double margin() {
        if (candidates.isEmpty()) {
            return 0;
        }
        return candidates.get(0).score() - (candidates.size() > 1 ? candidates.get(1).score() : 0);
    }

    public List<Candidate> top(int n) {
        return candidates.subList(0, Math.min(n, candidates.size()));
    }
}

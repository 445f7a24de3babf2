package supportbot.faq;

import java.util.List;

/** One language's side of an FAQ topic. */
public record LocalizedFaq(String question, List<String> alternates, String answer) {
    public LocalizedFaq {
        alternates = List.copyOf(alternates);
    }

    /** The question first, then every alternate phrasing. */
    public List<String> phrasings() {
        var all = new java.util.ArrayList<String>(alternates.size() + 1);
        all.add(question);
        all.addAll(alternates);
        return all;
    }
}

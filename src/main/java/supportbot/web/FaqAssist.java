package supportbot.web;

import java.util.List;
import supportbot.desk.AnswerFinder;
import supportbot.faq.FaqService;
import supportbot.faq.Lang;

/**
 * Agent assist's FAQ side: the desk's {@link AnswerFinder} port over the FAQ's Lucene search. It lives here, not
 * in {@code faq}, because {@code faq} sits below {@code desk} in the package graph.
 */
final class FaqAssist implements AnswerFinder {
    private final FaqService faq;

    FaqAssist(FaqService faq) {
        this.faq = faq;
    }

    @Override
    public List<Answer> find(String problem, String lang, int max) {
        if (problem == null || problem.isBlank()) {
            return List.of();
        }
        Lang want = Lang.parse(lang).orElse(Lang.EN);
        return faq.search(problem).top(max).stream()
                .map(c -> {
                    var text = c.entry().preferring(want);
                    return new Answer(c.entry().id(), text.question(), text.answer(), c.score());
                }).toList();
    }

    /** A topic's question per language code; empty for a topic the FAQ no longer has. */
    java.util.Map<String, String> questions(String faqId) {
        var out = new java.util.LinkedHashMap<String, String>();
        faq.catalog().get(faqId).ifPresent(e -> {
            for (Lang lang : Lang.values()) {
                out.put(lang.code(), e.preferring(lang).question());
            }
        });
        return out;
    }
}

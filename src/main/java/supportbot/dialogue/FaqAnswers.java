package supportbot.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import supportbot.faq.Candidate;
import supportbot.faq.Decision;
import supportbot.faq.FaqEntry;
import supportbot.faq.SearchResult;

/** The FAQ side of a conversation: answers with "solved?" buttons, "did you mean", and the offer of help. */
final class FaqAnswers {
    private final FaqLookup faq;

    FaqAnswers(FaqLookup faq) {
        this.faq = faq;
    }

    void answerQuestion(TurnContext t, String text) {
        t.c.resetFlow();
        SearchResult result = faq.search(text);
        switch (result.decision()) {
            case ANSWER -> offerAnswer(t, result.candidates().get(0).entry());
            case SUGGEST -> {
                t.c.phase = Phase.SUGGESTED;
                var top = result.top(3);
                t.c.suggestions = top.stream().map(c -> c.entry().id()).toList();
                var buttons = new ArrayList<Button>();
                top.forEach(c -> buttons.add(new Button(c.entry().preferring(t.lang()).question(), "faq:pick:" + c.entry().id())));
                buttons.add(t.button("faq.button.none", "faq:none"));
                t.say(t.text("faq.suggest"), buttons);
            }
            case NONE -> {
                t.act(new Action.KnowledgeGap(text, t.lang()));
                offerHelp(t, "faq.none");
            }
        }
    }

    void offerAnswer(TurnContext t, FaqEntry entry) {
        markOffered(t, entry);
        t.say(entry.preferring(t.lang()).answer() + "\n\n" + t.text("faq.ask_helpful"), voteButtons(t));
    }

    /**
     * Before a ticket: an answer that often solves this problem, with "solved" / "still need help". A
     * confident answer is offered; otherwise one of the category's own topics if the search ranks it top 3.
     */
    boolean offerFirst(TurnContext t, Category category, String text, String opening) {
        if (category.faqTopics().isEmpty() && !category.id().equals(Categories.OTHER)) {
            return false;
        }
        SearchResult result = faq.search(text);
        Optional<FaqEntry> pick = result.decision() == Decision.ANSWER
                ? Optional.of(result.candidates().get(0).entry())
                : result.top(3).stream().map(Candidate::entry).filter(e -> category.faqTopics().contains(e.id())).findFirst();
        if (pick.isEmpty()) {
            return false;
        }
        markOffered(t, pick.get());
        String answer = pick.get().preferring(t.lang()).answer();
        t.say(DetailCollector.join(opening, t.text("problem.faq_first") + "\n\n" + answer + "\n\n" + t.text("faq.ask_helpful")),
                voteButtons(t));
        return true;
    }

    void offerHelp(TurnContext t, String key) {
        t.say(t.text(key), List.of(t.button("button.report", "report"), t.button("button.human", "human")));
    }

    private static void markOffered(TurnContext t, FaqEntry entry) {
        t.c.phase = Phase.FAQ_OFFERED;
        t.c.offeredFaqId = entry.id();
        t.c.faqTried.add(entry.id());
    }

    private static List<Button> voteButtons(TurnContext t) {
        return List.of(t.button("faq.button.yes", "faq:yes"), t.button("faq.button.no", "faq:no"));
    }
}

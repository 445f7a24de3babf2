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
    /**
     * "Did you mean" lists only topics scoring at least this share of the top one: a distant runner-up is a
     * guess, not a related topic.
     */
    static final double SUGGEST_RELATIVE_FLOOR = 0.85;
    /** Without a shared word, a topic must be at least this close in meaning (cosine) to be "related". */
    static final double SUGGEST_MIN_DENSE = 0.6;

    private final FaqLookup faq;

    FaqAnswers(FaqLookup faq) {
        this.faq = faq;
    }

    void answerQuestion(TurnContext t, String text) {
        t.c.resetFlow();
        SearchResult result = faq.search(text);
        List<Candidate> usable = result.candidates().stream()
                .filter(c -> !t.c.faqRejected.contains(c.entry().id())).toList();
        boolean topRejected = !result.candidates().isEmpty() && usable.size() < result.candidates().size()
                && t.c.faqRejected.contains(result.candidates().get(0).entry().id());
        Decision decision = result.decision() == Decision.ANSWER && topRejected ? Decision.SUGGEST : result.decision();
        if (decision == Decision.ANSWER) {
            offerAnswer(t, usable.get(0).entry());
            return;
        }
        List<Candidate> related = decision == Decision.SUGGEST ? related(usable) : List.of();
        if (related.isEmpty()) {
            t.act(new Action.KnowledgeGap(text, t.lang()));
            offerHelp(t, "faq.none");
            return;
        }
        t.c.phase = Phase.SUGGESTED;
        t.c.suggestions = related.stream().map(c -> c.entry().id()).toList();
        var buttons = new ArrayList<Button>();
        related.forEach(c -> buttons.add(new Button(c.entry().preferring(t.lang()).question(), "faq:pick:" + c.entry().id())));
        buttons.add(t.button("faq.button.none", "faq:none"));
        t.say(t.text("faq.suggest"), buttons);
    }

    /**
     * A question in passing, while a detail is pending, that the FAQ is not sure about ("顺便问一下 energy不够是
     * 什么意思"): its likely topics as buttons, then {@code reaskPending}. The report stays where it was, so
     * nothing is shown when no topic is close enough.
     */
    boolean suggestAside(TurnContext t, String text, Runnable reaskPending) {
        SearchResult result = faq.search(text);
        if (result.decision() != Decision.SUGGEST) {
            return false;
        }
        List<Candidate> related = related(result.candidates().stream()
                .filter(c -> !t.c.faqRejected.contains(c.entry().id())).toList());
        if (related.isEmpty()) {
            return false;
        }
        t.c.suggestions = related.stream().map(c -> c.entry().id()).toList();
        t.say(t.text("faq.suggest_aside"), related.stream()
                .map(c -> new Button(c.entry().preferring(t.lang()).question(), "faq:pick:" + c.entry().id())).toList());
        reaskPending.run();
        return true;
    }

    /**
     * At most three topics close to the best one that share meaning with the question: a word in common, or a
     * high similarity of meaning. A loose vector match alone is too often unrelated to offer as "did you mean".
     */
    static List<Candidate> related(List<Candidate> ranked) {
        if (ranked.isEmpty()) {
            return List.of();
        }
        double floor = ranked.get(0).score() * SUGGEST_RELATIVE_FLOOR;
        return ranked.stream().filter(c -> c.score() >= floor && (c.lexical() > 0 || c.dense() >= SUGGEST_MIN_DENSE)).limit(3).toList();
    }

    /** Something support cannot help with (prices, coin tips, jokes): say so honestly and offer a human. */
    void outOfScope(TurnContext t) {
        t.c.resetFlow();
        offerHelp(t, "faq.out_of_scope");
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
        Optional<FaqEntry> pick = pickFor(t, category, text);
        if (pick.isEmpty()) {
            return false;
        }
        markOffered(t, pick.get());
        String answer = pick.get().preferring(t.lang()).answer();
        t.say(DetailCollector.join(opening, t.text("problem.faq_first") + "\n\n" + answer + "\n\n" + t.text("faq.ask_helpful")),
                voteButtons(t));
        return true;
    }

    /**
     * For a message that reports what happened: the answer goes beside the report, which carries on at once
     * (the user described a problem of their own; an answer must not stand in for the ticket).
     */
    Optional<String> besideReport(TurnContext t, Category category, String text) {
        Optional<FaqEntry> pick = pickFor(t, category, text);
        pick.ifPresent(e -> t.c.faqTried.add(e.id()));
        return pick.map(e -> t.text("problem.faq_beside") + "\n\n" + e.preferring(t.lang()).answer());
    }

    /** The FAQ topic a message is about: the confident answer, else the best "did you mean" candidate. */
    Optional<String> topicFor(String text) {
        SearchResult result = faq.search(text);
        return result.decision() == Decision.NONE ? Optional.empty()
                : result.candidates().stream().findFirst().map(c -> c.entry().id());
    }

    private Optional<FaqEntry> pickFor(TurnContext t, Category category, String text) {
        if (category.faqTopics().isEmpty() && !category.id().equals(Categories.OTHER)) {
            return Optional.empty();
        }
        SearchResult result = faq.search(text);
        Optional<FaqEntry> pick = result.decision() == Decision.ANSWER
                ? Optional.of(result.candidates().get(0).entry())
                : result.top(3).stream().map(Candidate::entry).filter(e -> category.faqTopics().contains(e.id())).findFirst();
        return pick.filter(e -> !t.c.faqRejected.contains(e.id()));
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

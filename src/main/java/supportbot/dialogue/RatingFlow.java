package supportbot.dialogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * After a ticket is resolved: 1–5 stars, then the weakest of attitude / speed / clarity / solved (skippable, and
 * not asked at 5★), then an optional comment. Each step can be left by simply writing about something else.
 */
final class RatingFlow {
    private static final List<String> ASPECTS = List.of("attitude", "speed", "clarity", "solved");
    /** The weakest-aspect step is over without an answer (skipped, or not asked at 5★). */
    private static final String NOT_GIVEN = "";

    void start(TurnContext t, long ticketNumber) {
        t.c.phase = Phase.RATING;
        t.c.rating = new Conversation.PendingRating(ticketNumber, null, null);
        var stars = new ArrayList<Button>();
        for (int i = 1; i <= 5; i++) {
            stars.add(new Button("★".repeat(i), "rate:" + i));
        }
        stars.add(t.button("transcript.button", "transcript")); // offered once the ticket is settled
        t.say(t.text("ticket.resolved", Map.of("number", ticketNumber)) + "\n\n" + t.text("rate.ask"), stars);
    }

    /** @return false when the text is not part of the rating (the user moved on) */
    boolean onText(TurnContext t, String text) {
        var r = t.c.rating;
        if (r == null) {
            return false;
        }
        if (r.stars() == null) {
            if (text.strip().matches("[1-5]")) {
                stars(t, Integer.parseInt(text.strip()));
                return true;
            }
            return false;
        }
        if (r.weakest() == null) {
            return false;
        }
        finish(t, text.strip());
        return true;
    }

    void stars(TurnContext t, int stars) {
        var r = t.c.rating;
        if (stars == 5) {
            // Nothing was weak: asking which part was weakest would only spoil a perfect rating.
            t.c.rating = new Conversation.PendingRating(r.ticketNumber(), stars, NOT_GIVEN);
            t.say(t.text("rate.thanks_good") + "\n\n" + t.text("rate.comment"), List.of(t.button("button.skip", "skip")));
            return;
        }
        t.c.rating = new Conversation.PendingRating(r.ticketNumber(), stars, null);
        var buttons = new ArrayList<Button>();
        ASPECTS.forEach(a -> buttons.add(t.button("rate.weak." + a, "weak:" + a)));
        buttons.add(t.button("button.skip", "skip"));
        t.say(t.text(stars >= 4 ? "rate.thanks_good" : "rate.sorry_bad") + "\n\n" + t.text("rate.weakest"), buttons);
    }

    /** @param aspect one of {@link #ASPECTS}, or null when the user skipped the question */
    void weakest(TurnContext t, String aspect) {
        var r = t.c.rating;
        String kept = aspect != null && ASPECTS.contains(aspect) ? aspect : NOT_GIVEN;
        t.c.rating = new Conversation.PendingRating(r.ticketNumber(), r.stars(), kept);
        t.say(t.text("rate.comment"), List.of(t.button("button.skip", "skip")));
    }

    void finish(TurnContext t, String comment) {
        var r = t.c.rating;
        String weakest = NOT_GIVEN.equals(r.weakest()) ? null : r.weakest();
        t.act(new Action.Rating(r.ticketNumber(), r.stars(), weakest, comment == null || comment.isBlank() ? null : comment));
        t.c.rating = null;
        t.c.phase = Phase.IDLE;
        t.sayKey("rate.done");
    }

    boolean expectsStars(TurnContext t) {
        return t.c.phase == Phase.RATING && t.c.rating != null && t.c.rating.stars() == null;
    }

    boolean expectsWeakest(TurnContext t) {
        return t.c.phase == Phase.RATING && t.c.rating != null && t.c.rating.stars() != null && t.c.rating.weakest() == null;
    }

    boolean expectsComment(TurnContext t) {
        return t.c.phase == Phase.RATING && t.c.rating != null && t.c.rating.weakest() != null;
    }

    void abandon(TurnContext t) {
        t.c.rating = null;
        t.c.phase = Phase.IDLE;
    }
}

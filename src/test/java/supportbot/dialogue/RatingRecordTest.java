package supportbot.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A rating is stars, the weakest aspect (skippable, not asked at 5★) and a comment, each its own field. */
class RatingRecordTest {
    private static EngineHarness resolved() {
        var h = new EngineHarness().say("talk to a human");
        h.desk(DeskEvent.Kind.RESOLVED, h.state.ticketNumber(), null);
        return h;
    }

    @Test
    void fiveStarsSkipTheWeakestQuestion() {
        var h = resolved();
        long ticket = h.state.ticketNumber();
        h.press("rate:5");
        assertTrue(h.buttons().stream().noneMatch(b -> b.startsWith("weak:")), "nothing was weak: " + h.buttons());
        assertFalse(h.reply().contains(EngineHarness.DATA.messages().get(supportbot.faq.Lang.EN, "rate.weakest")), h.reply());
        h.say("Quick and clear");
        assertEquals(new Action.Rating(ticket, 5, null, "Quick and clear"), h.action(Action.Rating.class).orElseThrow());
    }

    @Test
    void theWeakestAspectCanBeSkipped() {
        var h = resolved();
        long ticket = h.state.ticketNumber();
        h.press("rate:2");
        assertTrue(h.buttons().contains("skip") && h.buttons().contains("weak:speed"), h.buttons().toString());
        h.press("skip");
        assertTrue(h.action(Action.Rating.class).isEmpty(), "the comment is still to come");
        h.press("skip");
        assertEquals(new Action.Rating(ticket, 2, null, null), h.action(Action.Rating.class).orElseThrow());
        assertEquals(Phase.IDLE, h.phase());
    }

    @Test
    void starsAspectAndCommentAreKeptApart() {
        var h = resolved();
        long ticket = h.state.ticketNumber();
        h.press("rate:3").press("weak:clarity").say("the steps were confusing");
        assertEquals(new Action.Rating(ticket, 3, "clarity", "the steps were confusing"),
                h.action(Action.Rating.class).orElseThrow());
    }
}

package supportbot.desk;

import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import supportbot.dialogue.Attachment;
import supportbot.dialogue.TicketDraft;
import supportbot.faq.Lang;

class TicketMergedFromTest {
    private static final Instant AT = Instant.parse("2026-11-20T01:00:00Z");

    private static Ticket ticket(long n) {
        return Ticket.open(new TicketDraft(n, "telegram", "tg:u", "u", "other", 3, false, "confirmed", Lang.EN, Map.of(),
                List.of(), AT));
    }

    @Test
    void theDuplicatesHistoryAndFilesAreCarriedAndGoWhenTheUserIsErased() {
        var file = new Attachment("/tmp/shot.png", "shot.png", "image/png", 10);
        Ticket dup = ticket(2).withEvent(new TicketEvent(AT, "user", TicketEvent.Type.USER_MESSAGE, "my wallet is empty", List.of(file)));

        Ticket kept = ticket(1).mergedFrom(dup, "alice", AT);

        TicketEvent carried = kept.events().get(kept.events().size() - 1);
        assertEquals(TicketEvent.Type.MERGED_IN, carried.type());
        assertTrue(carried.text().contains("my wallet is empty"), carried.text());
        assertEquals(List.of(file), carried.attachments());

        Ticket erased = kept.erased(AT);
        assertFalse(erased.events().stream().anyMatch(e -> e.text() != null && e.text().contains("wallet")),
                "the copied words are erased with the user's own");
        assertTrue(erased.events().stream().allMatch(e -> e.attachments().isEmpty()));
    }
}

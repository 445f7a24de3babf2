package supportbot.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.dialogue.Attachment;
import supportbot.dialogue.TicketDraft;
import supportbot.dialogue.details.DetailType;
import supportbot.dialogue.details.DetailValue;
import supportbot.faq.Lang;
import supportbot.safety.SecretDetector;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * The staff feed remembers which platform messages quoted the user, and when the store's copy of such a line
 * (or of a detail the card shows) is redacted, it edits those messages and draws the card again, once.
 */
class StaffFeedRedactionTest {
    private static final Instant T0 = Instant.parse("2026-11-25T06:00:00Z");
    private static final String PIECE = "abandon ability able about above absent";

    @TempDir
    Path dir;

    static final class Surface implements StaffSurface {
        final List<String> calls = new ArrayList<>();
        long next = 500;

        @Override
        public String name() {
            return "s";
        }

        @Override
        public long openPlace(Ticket t) {
            return 1;
        }

        @Override
        public long postCard(long place, Ticket t) {
            return 100;
        }

        @Override
        public void postFiles(long place, List<Attachment> files, String caption) {
        }

        @Override
        public void postEvent(long place, Ticket t, TicketEvent e) {
            throw new AssertionError("relayEvent is used");
        }

        @Override
        public List<Long> relayEvent(long place, Ticket t, TicketEvent e) {
            calls.add("post " + e.type().label());
            return e.type() == TicketEvent.Type.USER_MESSAGE ? List.of(++next, ++next) : List.of(++next);
        }

        @Override
        public void redactEvent(long place, List<Long> ids, Ticket t, TicketEvent e) {
            calls.add("redact " + ids + " " + e.text());
        }

        @Override
        public void updateCard(long place, long card, Ticket t) {
            calls.add("card " + t.draft().details().get(DetailType.DESCRIPTION).value());
        }

        @Override
        public void alertSupervisors(Ticket t, TicketEvent why, long place) {
        }
    }

    @Test
    void relayedLinesAndTheCardAreRedactedOnce() throws Exception {
        try (var store = Store.open(dir); var committer = new GroupCommitter(store)) {
            var surface = new Surface();
            var feed = new StaffFeed(store, committer, surface);
            var details = Map.of(DetailType.DESCRIPTION, new DetailValue(DetailType.DESCRIPTION, "it says " + PIECE, "x"));
            var draft = new TicketDraft(7, "telegram", "telegram:7", "u7", "other", 3, false, "asked", Lang.EN, details,
                    List.of(), T0);
            committer.submit(tx -> tx.saveTicket(Ticket.open(draft))).join();
            committer.submit(tx -> tx.updateTicket(7, t -> t.with(t.status(), t.tier(), t.assignee(),
                    new TicketEvent(T0, "user", TicketEvent.Type.USER_MESSAGE, PIECE, List.of())))).join();
            committer.submit(tx -> tx.updateTicket(7, t -> t.with(t.status(), t.tier(), t.assignee(),
                    new TicketEvent(T0, "user", TicketEvent.Type.USER_MESSAGE, "thanks", List.of())))).join();
            feed.pass();
            assertEquals(List.of("post opened", "post user-message", "post user-message"), surface.calls);
            var state = StaffFeed.placeOf(store, "s", 7).orElseThrow();
            assertEquals(Map.of(1, List.of(502L, 503L), 2, List.of(504L, 505L)), state.relayed());

            committer.submit(tx -> tx.redactConversation("telegram:7", s -> s.replace(PIECE, SecretDetector.REDACTION)))
                    .join();
            surface.calls.clear();
            feed.pass();
            assertEquals(List.of("redact [502, 503] " + SecretDetector.REDACTION,
                    "card it says " + SecretDetector.REDACTION), surface.calls);

            committer.submit(tx -> tx.updateTicket(7, t -> t.with(t.status(), t.tier(), t.assignee(),
                    new TicketEvent(T0, "user", TicketEvent.Type.USER_MESSAGE, "any news?", List.of())))).join();
            surface.calls.clear();
            feed.pass();
            assertEquals(List.of("post user-message"), surface.calls, "nothing redacted twice");
            assertTrue(StaffFeed.placeOf(store, "s", 7).orElseThrow().relayed().keySet().containsAll(List.of(2, 3)));
        }
    }
}

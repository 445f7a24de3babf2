package supportbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketStatus;
import supportbot.dialogue.TicketDraft;
import supportbot.dialogue.details.DetailType;
import supportbot.dialogue.details.DetailValue;
import supportbot.faq.Lang;

/** /forget finds a user's tickets by their key, and still finds the ones older versions stored plain. */
class StoreErasureTest {
    static final Instant AT = Instant.parse("2026-11-25T06:00:00Z");

    @TempDir
    Path dir;

    static Ticket ticket(long number, String conversationKey) {
        var detail = new DetailValue(DetailType.ACCOUNT, "user" + number + "@example.com", "user" + number + "@example.com");
        return Ticket.open(new TicketDraft(number, "web", conversationKey, "u", "login", 2, false, "human", Lang.EN,
                Map.of(DetailType.ACCOUNT, detail), List.of(), AT));
    }

    @Test
    void forgetErasesTicketsAnOlderVersionStoredPlain() {
        try (var store = Store.open(dir, false); var committer = new GroupCommitter(store)) {
            committer.submit(tx -> {
                tx.saveTicket(ticket(1, "web:a"));
                tx.saveTicket(ticket(2, "web:b"));
            }).join();
        }
        try (var store = Store.open(dir); var committer = new GroupCommitter(store)) {
            committer.submit(tx -> tx.saveTicket(ticket(3, "web:a"))).join(); // sealed, beside the plain one
            committer.submit(tx -> tx.forget("web:a")).join();
            assertTrue(store.ticket(1).orElseThrow().draft().details().isEmpty(), "the plain one is erased");
            assertTrue(store.ticket(3).orElseThrow().draft().details().isEmpty(), "the sealed one is erased");
            assertEquals(TicketStatus.CLOSED, store.ticket(3).orElseThrow().status());
            assertEquals(1, store.ticket(2).orElseThrow().draft().details().size(), "someone else's stays");
        }
    }

    @Test
    void aRolledBackWriteLeavesNothingForgetWouldTripOver() {
        try (var store = Store.open(dir); var committer = new GroupCommitter(store)) {
            committer.submit(tx -> tx.saveTicket(ticket(1, "web:a"))).join();
            committer.submit(tx -> tx.forget("web:zzz")).join(); // builds the index
            var failed = committer.submit(tx -> {
                tx.saveTicket(ticket(2, "web:a"));
                throw new IllegalStateException("a write set that fails after writing");
            });
            assertThrows(Exception.class, failed::join);
            committer.submit(tx -> tx.forget("web:a")).join();
            assertTrue(store.ticket(2).isEmpty());
            assertTrue(store.ticket(1).orElseThrow().draft().details().isEmpty());
            committer.submit(tx -> tx.saveTicket(ticket(4, "web:a"))).join();
            committer.submit(tx -> tx.forget("web:a")).join();
            assertTrue(store.ticket(4).orElseThrow().draft().details().isEmpty(), "found again under the new key");
        }
    }
}

package supportbot.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketStatus;
import supportbot.ticket.Tier;

/** Tickets, the open ones found without opening every ticket, and the feed staff surfaces follow. */
class TicketStoreContractTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void ticketsReadBackInNumberOrderAndOpenOnesAreListed(String kind) {
        try (var f = new StoreFixture(kind)) {
            f.write(tx -> {
                tx.saveTicket(StoreFixture.ticket(1003, "web:c", "card"));
                tx.saveTicket(StoreFixture.ticket(1001, "web:a", "login"));
                tx.saveTicket(StoreFixture.ticket(1002, "web:b", "login"));
            });
            assertEquals(List.of(1001L, 1002L, 1003L), f.store.tickets().stream().map(Ticket::number).toList());
            assertEquals(1003, f.store.lastTicketNumber());
            f.write(tx -> tx.updateTicket(1002, t -> t.with(TicketStatus.RESOLVED, Tier.AGENT, "alice",
                    new TicketEvent(StoreFixture.AT, "alice", TicketEvent.Type.RESOLVED, "done"))));
            assertEquals(List.of(1001L, 1003L), f.store.openTickets().stream().map(Ticket::number).toList());
            assertEquals("alice", f.store.ticket(1002).orElseThrow().assignee());
            assertEquals("user1001@example.com", f.store.ticket(1001).orElseThrow().draft().details().values().iterator()
                    .next().value());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void aReopenedTicketIsOpenAgainAndAnErasedOneIsNot(String kind) {
        try (var f = new StoreFixture(kind)) {
            f.write(tx -> tx.saveTicket(StoreFixture.ticket(1001, "web:a", "login")));
            f.store.openTickets(); // the adapter may build what it lists from here on
            f.write(tx -> tx.updateTicket(1001, t -> t.with(TicketStatus.CLOSED, Tier.AGENT, null,
                    new TicketEvent(StoreFixture.AT, "bob", TicketEvent.Type.CLOSED, ""))));
            assertTrue(f.store.openTickets().isEmpty());
            f.write(tx -> tx.updateTicket(1001, t -> t.with(TicketStatus.ASSIGNED, Tier.AGENT, "bob",
                    new TicketEvent(StoreFixture.AT, "bob", TicketEvent.Type.REOPENED, ""))));
            assertEquals(List.of(1001L), f.store.openTickets().stream().map(Ticket::number).toList());
            f.write(tx -> tx.forget("web:a"));
            assertTrue(f.store.openTickets().isEmpty(), "forgetting closes the ticket");
            assertEquals(1, f.store.tickets().size(), "the ticket stays, for the numbers");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void theFeedListsChangesInCommitOrderAndTrimsWhatFollowersHandled(String kind) {
        try (var f = new StoreFixture(kind)) {
            f.store.followTicketFeed("telegram");
            f.write(tx -> tx.saveTicket(StoreFixture.ticket(1001, "web:a", "login")));
            f.write(tx -> tx.saveTicket(StoreFixture.ticket(1002, "web:b", "login")));
            f.write(tx -> tx.updateTicket(1001, t -> t.withEvent(new TicketEvent(StoreFixture.AT, "alice", TicketEvent.Type.NOTE, "x"))));
            List<long[]> feed = f.store.ticketFeed(0, 10);
            assertEquals(List.of(1001L, 1002L, 1001L), feed.stream().map(e -> e[1]).toList());
            assertEquals(List.of(1L, 2L, 3L), feed.stream().map(e -> e[0]).toList());
            assertEquals(List.of(1001L), f.store.ticketFeed(2, 10).stream().map(e -> e[1]).toList());
            assertEquals(1, f.store.ticketFeed(0, 1).size());
            String cursor = supportbot.store.Store.feedCursor("telegram");
            f.write(tx -> {
                tx.setCounter(cursor, 2);
                tx.trimTicketFeed();
            });
            assertEquals(List.of(3L), f.store.ticketFeed(0, 10).stream().map(e -> e[0]).toList());
        }
    }
}

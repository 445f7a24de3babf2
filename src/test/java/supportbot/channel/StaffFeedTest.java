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
import supportbot.ticket.TicketStatus;
import supportbot.ticket.Tier;
import supportbot.dialogue.Attachment;
import supportbot.dialogue.TicketDraft;
import supportbot.faq.Lang;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/** Following the ticket feed: each change posted once, across restarts, and the feed trimmed behind every follower. */
class StaffFeedTest {
    private static final Instant T0 = Instant.parse("2026-11-25T06:00:00Z");

    @TempDir
    Path dir;

    /** Records what a platform would have been asked to show. */
    static final class Recording implements StaffSurface {
        final String name;
        final List<String> posted = new ArrayList<>();
        long places;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public long openPlace(Ticket t) {
            posted.add("place #" + t.number());
            return ++places;
        }

        @Override
        public long postCard(long place, Ticket t) {
            posted.add("card #" + t.number() + " in " + place);
            return 100 + place;
        }

        @Override
        public void postFiles(long place, List<Attachment> files, String caption) {
            files.forEach(f -> posted.add("file " + f.fileName()));
        }

        @Override
        public void postEvent(long place, Ticket t, TicketEvent e) {
            posted.add(e.type().label() + " #" + t.number());
        }

        @Override
        public void updateCard(long place, long card, Ticket t) {
            posted.add("update card " + card + " " + t.status().label());
        }

        @Override
        public void alertSupervisors(Ticket t, TicketEvent why, long place) {
            posted.add("supervisors: #" + t.number() + " " + why.type().label());
        }
    }

    private static Ticket ticket(long number) {
        return Ticket.open(new TicketDraft(number, "web", "web:" + number, "u" + number, "other", 3, false, "confirmed",
                Lang.EN, Map.of(), List.of(), T0));
    }

    @Test
    void everyChangeIsPostedOnceAcrossARestartAndTheFeedIsTrimmedBehindAllFollowers() throws Exception {
        try (var store = Store.open(dir); var committer = new GroupCommitter(store)) {
            var telegram = new Recording("one");
            var discord = new Recording("two");
            var first = new StaffFeed(store, committer, telegram);
            var second = new StaffFeed(store, committer, discord);
            committer.submit(tx -> tx.saveTicket(ticket(1001))).join();
            committer.submit(tx -> tx.updateTicket(1001, t -> t.with(TicketStatus.ASSIGNED, t.tier(), "alice",
                    new TicketEvent(T0, "alice", TicketEvent.Type.CLAIMED, null)))).join();
            first.pass();
            assertEquals(List.of("place #1001", "card #1001 in 1", "opened #1001", "claimed #1001",
                    "update card 101 assigned"), telegram.posted);
            assertEquals(2, store.ticketFeed(0, 10).size(), "the second follower has not read it: nothing trimmed");

            // A restart of the first follower: nothing is posted again.
            var restarted = new StaffFeed(store, committer, telegram);
            int before = telegram.posted.size();
            restarted.pass();
            assertEquals(before, telegram.posted.size());

            second.pass();
            assertEquals(0, store.ticketFeed(0, 10).size(), "both followers are past it: trimmed");

            committer.submit(tx -> tx.updateTicket(1001, t -> t.with(TicketStatus.QUEUED, Tier.SUPERVISOR, null,
                    new TicketEvent(T0, "alice", TicketEvent.Type.ESCALATED, "needs a supervisor")))).join();
            restarted.pass();
            assertTrue(telegram.posted.contains("supervisors: #1001 escalated"), telegram.posted.toString());
            assertEquals(1, telegram.posted.stream().filter(p -> p.startsWith("place")).count(), "one place per ticket");
            assertEquals(java.util.Optional.of(1001L), StaffFeed.ticketOf(store, "one", 1));
        }
    }
}

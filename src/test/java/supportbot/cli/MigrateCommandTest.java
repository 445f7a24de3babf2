package supportbot.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.Button;
import supportbot.dialogue.Conversation;
import supportbot.dialogue.Phase;
import supportbot.dialogue.TicketDraft;
import supportbot.faq.Lang;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;
import supportbot.store.StoreCopy;
import supportbot.store.StoredConversation;
import supportbot.store.TranscriptLine;
import supportbot.store.contract.Backends;
import supportbot.store.postgres.PostgresBackend;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketStatus;
import supportbot.ticket.Tier;

/** support-bot migrate copies a populated MapDB store into PostgreSQL without loss, and only into an empty one. */
class MigrateCommandTest {
    private static final Instant AT = Instant.parse("2026-11-25T06:00:00Z");

    public record Topic(long id) {
    }

    @TempDir
    Path dir;

    private final String schema = "store_test_migrate_" + System.nanoTime();

    @AfterEach
    void dropSchema() throws Exception {
        if (reachable) {
            try (var c = DriverManager.getConnection(Backends.URL, "postgres", System.getenv("SUPPORT_BOT_DB_PASSWORD"));
                 var st = c.createStatement()) {
                st.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private boolean reachable;

    private static StoredConversation conversation(String key) {
        return new StoredConversation(new Conversation(key, "web", "u", Lang.ZH, true, "Asia/Shanghai", Phase.IDLE, null,
                Map.of(), java.util.Set.of(), null, false, List.of("fees"), null, List.of(), List.of("你好"), 1001L, AT, 3,
                null), List.of("m1", "m2"), List.of(new Button("是", "yes")));
    }

    private static Ticket ticket(long number, String key) {
        return Ticket.open(new TicketDraft(number, "web", key, "u", "login", 2, false, "human", Lang.EN, Map.of(),
                List.of(), AT));
    }

    private void populate(Path data) {
        try (Store store = Store.open(data); var committer = new GroupCommitter(store)) {
            store.followTicketFeed("telegram");
            for (int i = 0; i < 20; i++) {
                String key = "web:" + i;
                committer.submit(tx -> {
                    tx.saveConversation(key, Store.encodeConversation(conversation(key)));
                    tx.appendTranscript(key, Store.encodeLines(List.of(
                            new TranscriptLine(0, "user", "我的钱包 " + key, List.of(), List.of(), AT),
                            new TranscriptLine(0, "bot", "reply", List.of(new Button("OK", "ok")), List.of(), AT))), 2);
                    tx.enqueue("web", key, "reply to " + key, List.of());
                }).join();
            }
            committer.submit(tx -> {
                tx.saveTicket(ticket(1001, "web:1"));
                tx.saveTicket(ticket(1002, "web:2"));
                tx.saveTicket(ticket(1003, "web:3"));
                tx.updateTicket(1002, t -> t.with(TicketStatus.RESOLVED, Tier.AGENT, "alice",
                        new TicketEvent(AT, "alice", TicketEvent.Type.RESOLVED, "")));
                tx.park(1, "blocked");
                tx.voteFaq("fees", true);
                tx.voteFaq("fees", false);
                tx.addKnowledgeGap("web:4", "staking?");
                tx.setCounter("telegram.offset", 99);
                tx.registerWebSession("s1", AT);
                tx.putSurfaceState("topic:1001", new Topic(5));
                tx.ban("telegram:7", "alice", "abuse", AT);
            }).join();
            committer.submit(tx -> tx.forget("web:3")).join(); // an erased user: sealed leftovers stay unreadable
        }
    }

    private int run(StringWriter err, String... args) {
        PrintStream original = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            var cmd = Main.commandLine();
            cmd.setErr(new PrintWriter(err, true));
            return cmd.execute(args);
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void copiesEveryRecordAndRefusesANonEmptyDatabase() throws Exception {
        Backends.assumePostgres();
        reachable = true;
        try (var c = DriverManager.getConnection(Backends.URL, "postgres", System.getenv("SUPPORT_BOT_DB_PASSWORD"));
             var st = c.createStatement()) {
            st.execute("create schema " + schema);
        }
        Path data = dir.resolve("data");
        populate(data);
        String url = Backends.URL + "?user=postgres&currentSchema=" + schema;
        var err = new StringWriter();
        assertEquals(0, run(err, "migrate", "--from", data.toString(), "--to", url), err.toString());

        try (Store source = Store.open(data);
             Store copy = Store.over(PostgresBackend.open(Backends.settings(schema)))) {
            assertEquals(StoreCopy.count(source), StoreCopy.count(copy));
            assertEquals(19, copy.conversationCount(), "20 less the one forgotten");
            for (String key : source.conversationKeys()) {
                assertEquals(source.stored(key), copy.stored(key), key);
                assertEquals(source.transcript(key, 0), copy.transcript(key, 0), key);
            }
            assertTrue(copy.conversation("web:3").isEmpty() && copy.transcript("web:3", 0).isEmpty(), "still erased");
            assertEquals(source.tickets(), copy.tickets());
            assertEquals(List.of(1001L), copy.openTickets().stream().map(Ticket::number).toList());
            assertEquals(source.pendingOutbox(100), copy.pendingOutbox(100));
            assertEquals(source.undeliverableCount(), copy.undeliverableCount());
            assertEquals(source.knowledgeGaps(), copy.knowledgeGaps());
            assertArrayEquals(source.faqVotes().get("fees"), copy.faqVotes().get("fees"));
            assertEquals(source.counters(), copy.counters());
            assertEquals(99, copy.counter("telegram.offset"));
            assertEquals(source.webSessions(), copy.webSessions());
            assertEquals(new Topic(5), copy.surfaceState("topic:1001", Topic.class).orElseThrow());
            assertTrue(copy.isBanned("telegram:7"));
            assertEquals(source.ticketFeed(0, 100).size(), copy.ticketFeed(0, 100).size());

            // The copy keeps working: new writes go on from the copied numbers, under the copied keys.
            try (var committer = new GroupCommitter(copy)) {
                long[] id = new long[1];
                committer.submit(tx -> {
                    tx.appendTranscript("web:1", Store.encodeLines(List.of(
                            new TranscriptLine(0, "user", "again", List.of(), List.of(), AT))), 1);
                    id[0] = tx.enqueue("web", "web:1", "next", List.of());
                }).join();
                assertEquals(3, copy.transcript("web:1", 2).get(0).seq());
                assertTrue(id[0] > 20, "outbox ids go on after the copied ones: " + id[0]);
                committer.submit(tx -> tx.forget("web:1")).join();
                assertTrue(copy.transcript("web:1", 0).isEmpty());
            }
        }

        var refused = new StringWriter();
        assertEquals(2, run(refused, "migrate", "--from", data.toString(), "--to", url));
        assertTrue(refused.toString().contains("already holds data"), refused.toString());
    }
}

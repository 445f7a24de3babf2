package supportbot.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import supportbot.Await;
import supportbot.desk.DeskQueue;
import supportbot.desk.DeskSettingsLoader;
import supportbot.desk.StoreTickets;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.EngineHarness;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.Lang;
import supportbot.safety.InboundGuard;
import supportbot.store.GroupCommitter;
import supportbot.store.OutboxEntry;
import supportbot.store.Store;
import supportbot.store.TranscriptLine;
import supportbot.store.contract.Backends;
import supportbot.store.postgres.PostgresBackend;
import supportbot.store.postgres.PostgresSettings;
import supportbot.ticket.Ticket;

/**
 * Two instances of the bot (store, committer, inbox, engine, outbox: everything but the connectors) on one
 * PostgreSQL schema, each with its own pool, driving the same conversations at once, as a load balancer in front
 * of several instances would.
 */
class SeveralInstancesTest {
    private static final Clock CLOCK = Clock.fixed(EngineHarness.NOW, ZoneOffset.UTC);

    /** What one instance's Telegram sender was handed, in order. */
    private static final class RecordingSender implements ChannelSender {
        final String instance;
        final List<String> sent = new CopyOnWriteArrayList<>();
        final Map<String, List<Long>> idsByChat = new ConcurrentHashMap<>();
        /** While set, a send to this chat blocks: the message is on the wire when the instance dies. */
        volatile String hangOn;
        final CountDownLatch hanging = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        RecordingSender(String instance) {
            this.instance = instance;
        }

        @Override
        public String channel() {
            return "telegram";
        }

        @Override
        public void send(OutboxEntry entry, PartsProgress progress) throws Exception {
            if (entry.conversationKey().equals(hangOn)) {
                hanging.countDown();
                release.await();
                throw new java.io.IOException("the instance died with this message on the wire");
            }
            idsByChat.computeIfAbsent(entry.conversationKey(), k -> new CopyOnWriteArrayList<>()).add(entry.id());
            sent.add(entry.conversationKey() + "#" + entry.id());
        }
    }

    private final class Instance implements AutoCloseable {
        final String name;
        final PostgresBackend backend;
        final Store store;
        final GroupCommitter committer;
        final Inbox inbox;
        final RecordingSender sender;
        Outbox outbox;

        Instance(String name) {
            this.name = name;
            String url = Backends.URL + (Backends.URL.contains("?") ? "&" : "?") + "ApplicationName=" + name;
            var base = Backends.settings(schema);
            backend = PostgresBackend.open(new PostgresSettings(url, base.user(), base.password(), 4, schema));
            store = Store.over(backend);
            committer = new GroupCommitter(store);
            var queue = new DeskQueue(store, new DeskSettingsLoader().load(Path.of("config", "desk.yaml")), CLOCK);
            var engine = new DialogueEngine(EngineHarness.DATA, new EngineHarness.StubFaq(),
                    new DetailParsers(EngineHarness.DATA.details(), CLOCK), new StoreTickets(store, queue), CLOCK, Lang.EN);
            // No flood limit in the way: the test sends fast on purpose.
            var guard = new InboundGuard(new InboundGuard.Settings(4000, 100_000, Duration.ofSeconds(10)),
                    supportbot.safety.Secrets::redact, store::isBanned, System::nanoTime);
            inbox = new Inbox(store, committer, engine, EngineHarness.DATA.messages(), 4, Set.of("telegram"), guard);
            sender = new RecordingSender(name);
        }

        Instance delivering() {
            outbox = new Outbox(store, committer, 4).lease(Duration.ofSeconds(1)).register(sender).start();
            inbox.onCommitted(k -> outbox.wake());
            return this;
        }

        CompletableFuture<Inbox.Outcome> say(String chat, String text, String messageId) {
            return inbox.submit(Inbound.text("telegram", chat, chat, text, messageId, EngineHarness.NOW));
        }

        /** As if the process were killed: its database sessions are cut and its pool is gone. */
        void kill() throws Exception {
            try (var c = DriverManager.getConnection(Backends.URL, settings().user(), settings().password());
                 var st = c.prepareStatement("select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?")) {
                st.setString(1, name);
                st.executeQuery().close();
            }
            backend.close();
        }

        @Override
        public void close() {
            sender.release.countDown();
            if (outbox != null) {
                outbox.close();
            }
            inbox.close();
            committer.close();
            store.close();
        }
    }

    private String schema;
    private final List<AutoCloseable> open = new ArrayList<>();

    private PostgresSettings settings() {
        return Backends.settings(schema);
    }

    @BeforeEach
    void schema() {
        Backends.assumePostgres();
        schema = "store_test_instances_" + UUID.randomUUID().toString().replace("-", "");
    }

    @AfterEach
    void dropAll() throws Exception {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (RuntimeException ignored) {
                // a killed instance's pool is already gone
            }
        }
        try (var c = DriverManager.getConnection(Backends.URL, settings().user(), settings().password());
             var st = c.createStatement()) {
            st.execute("drop schema if exists " + schema + " cascade");
        }
    }

    private Instance start(String name) {
        var instance = new Instance(name);
        open.add(0, instance);
        return instance;
    }

    private static List<String> userLines(Store store, String chat) {
        return store.transcript(chat, 0).stream().filter(l -> l.from().equals("user")).map(TranscriptLine::text).toList();
    }

    @Test
    void twoMessagesOfOneChatOnTwoInstancesAtOnceAreBothKeptInOrderOfCommit() {
        Instance a = start("inst_a");
        Instance b = start("inst_b");
        int chats = 12;
        int rounds = 5;
        for (int round = 0; round < rounds; round++) {
            var futures = new ArrayList<CompletableFuture<Inbox.Outcome>>();
            for (int c = 0; c < chats; c++) {
                String chat = "telegram:" + (700 + c);
                // Two different messages of one chat reach the two instances at the same moment.
                futures.add(a.say(chat, "first of round " + round, "a" + round));
                futures.add(b.say(chat, "second of round " + round, "b" + round));
            }
            futures.forEach(f -> assertEquals(Inbox.Outcome.PROCESSED, f.join()));
        }
        for (int c = 0; c < chats; c++) {
            String chat = "telegram:" + (700 + c);
            List<String> lines = userLines(a.store, chat);
            assertEquals(2 * rounds, lines.size(), "every message is in the transcript once: " + lines);
            assertEquals(2 * rounds, new HashSet<>(lines).size(), "no message twice: " + lines);
            List<Long> seqs = a.store.transcript(chat, 0).stream().map(TranscriptLine::seq).toList();
            assertEquals(seqs.size(), new HashSet<>(seqs).size(), "no line overwrote another's seq: " + seqs);
            var seen = a.store.stored(chat).orElseThrow().seenMessageIds();
            for (int round = 0; round < rounds; round++) {
                assertTrue(seen.contains("a" + round) && seen.contains("b" + round),
                        "the state written last knows both turns of round " + round + ": " + seen);
            }
        }
    }

    @Test
    void anAgentsRepliesOnOneInstanceAndTheUsersMessagesOnTheOtherAllLand() {
        Instance a = start("inst_a");
        Instance b = start("inst_b");
        String chat = "telegram:850";
        b.say(chat, "talk to a human", "h0").join();
        long number = b.store.conversation(chat).orElseThrow().ticketNumber();
        int rounds = 20;
        var futures = new ArrayList<CompletableFuture<Inbox.Outcome>>();
        for (int i = 0; i < rounds; i++) {
            var reply = new supportbot.ticket.TicketEvent(EngineHarness.NOW, "alice", supportbot.ticket.TicketEvent.Type.REPLY,
                    "agent reply " + i, List.of());
            var event = new supportbot.dialogue.DeskEvent("telegram", chat, number, supportbot.dialogue.DeskEvent.Kind.AGENT_REPLY,
                    "alice", "agent reply " + i, EngineHarness.NOW);
            futures.add(a.inbox.submit(event, tx -> tx.updateTicket(number, t -> t.withEvent(reply))));
            futures.add(b.say(chat, "user message " + i, "u" + i));
            if (i % 4 == 3) {
                futures.forEach(CompletableFuture::join); // in waves, so the two instances' turns overlap
            }
        }
        futures.forEach(CompletableFuture::join);
        var lines = a.store.transcript(chat, 0);
        for (int i = 0; i < rounds; i++) {
            String agentSaid = "agent reply " + i;
            String userSaid = "user message " + i;
            assertEquals(1, lines.stream().filter(l -> l.from().equals("agent") && l.text().equals(agentSaid)).count(), agentSaid);
            assertEquals(1, lines.stream().filter(l -> l.from().equals("user") && l.text().equals(userSaid)).count(), userSaid);
        }
        long replies = a.store.ticket(number).orElseThrow().events().stream()
                .filter(e -> e.type() == supportbot.ticket.TicketEvent.Type.REPLY).count();
        assertEquals(rounds, replies, "every reply is in the ticket once");
        var seen = a.store.stored(chat).orElseThrow().seenMessageIds();
        for (int i = 0; i < rounds; i++) {
            assertTrue(seen.contains("u" + i), "the state knows user message " + i + ": " + seen);
        }
    }

    @Test
    void aMessageDeliveredToBothInstancesIsHandledOnceEvenBeyondTheSeenWindow() {
        Instance a = start("inst_a");
        Instance b = start("inst_b");
        String chat = "telegram:800";
        var outcomes = new HashMap<Inbox.Outcome, Integer>();
        for (int i = 0; i < 8; i++) {
            var first = a.say(chat, "message " + i, "u" + i);
            var again = b.say(chat, "message " + i, "u" + i); // a webhook retry that the balancer sent elsewhere
            outcomes.merge(first.join(), 1, Integer::sum);
            outcomes.merge(again.join(), 1, Integer::sum);
        }
        assertEquals(Map.of(Inbox.Outcome.PROCESSED, 8, Inbox.Outcome.DUPLICATE, 8), outcomes);
        assertEquals(8, userLines(b.store, chat).size());

        // Past the conversation's window of recent ids, the database's key still knows the first message.
        for (int i = 8; i < 8 + supportbot.store.StoredConversation.SEEN_WINDOW; i++) {
            a.say(chat, "message " + i, "u" + i).join();
        }
        assertTrue(!a.store.stored(chat).orElseThrow().hasSeen("u0"), "u0 has left the record's window");
        assertEquals(Inbox.Outcome.DUPLICATE, b.say(chat, "message 0", "u0").join());
        assertEquals(8 + supportbot.store.StoredConversation.SEEN_WINDOW, userLines(a.store, chat).size());
    }

    @Test
    void ticketsOpenedOnBothInstancesAtOnceGetDistinctNumbers() {
        Instance a = start("inst_a");
        Instance b = start("inst_b");
        int users = 20;
        var futures = new ArrayList<CompletableFuture<Inbox.Outcome>>();
        for (int u = 0; u < users; u++) {
            Instance on = u % 2 == 0 ? a : b;
            futures.add(on.say("telegram:" + (900 + u), "talk to a human", "h" + u));
        }
        futures.forEach(CompletableFuture::join);
        List<Ticket> tickets = a.store.tickets();
        assertEquals(users, tickets.size(), "one ticket per user, none overwritten by another with its number");
        var byConversation = new HashSet<String>();
        tickets.forEach(t -> byConversation.add(t.draft().conversationKey()));
        assertEquals(users, byConversation.size());
        for (int u = 0; u < users; u++) {
            long number = a.store.conversation("telegram:" + (900 + u)).orElseThrow().ticketNumber();
            assertEquals("telegram:" + (900 + u), a.store.ticket(number).orElseThrow().draft().conversationKey(),
                    "the number the user was told is their own ticket");
        }
    }

    @Test
    void bothInstancesDeliverEachReplyOnceAndEachChatInOrder() throws Exception {
        Instance a = start("inst_a").delivering();
        Instance b = start("inst_b").delivering();
        int chats = 10;
        int messages = 6;
        var futures = new ArrayList<CompletableFuture<Inbox.Outcome>>();
        for (int m = 0; m < messages; m++) {
            for (int c = 0; c < chats; c++) {
                Instance on = (m + c) % 2 == 0 ? a : b;
                futures.add(on.say("telegram:" + (600 + c), "where is my money, message " + m, "d" + m));
            }
            futures.forEach(CompletableFuture::join);
            futures.clear();
        }
        Await.until(() -> a.store.outboxSize() == 0, Duration.ofSeconds(60), "every reply delivered");
        var everyId = new ArrayList<String>();
        everyId.addAll(a.sender.sent);
        everyId.addAll(b.sender.sent);
        assertEquals(everyId.size(), new HashSet<>(everyId).size(), "no reply delivered twice: " + everyId);
        assertTrue(everyId.size() >= chats * messages, "a reply per message at least: " + everyId.size());
        for (int c = 0; c < chats; c++) {
            String chat = "telegram:" + (600 + c);
            var merged = new ArrayList<Long>();
            for (String s : mergedInDeliveryOrder(a, b, chat)) {
                merged.add(Long.parseLong(s.substring(s.indexOf('#') + 1)));
            }
            var sorted = new ArrayList<>(merged);
            sorted.sort(null);
            assertEquals(sorted, merged, "chat " + chat + " was sent in order");
        }
    }

    /**
     * One chat's deliveries from both instances in the order they happened: a chat is held by one instance at a
     * time, so each instance's run for it is whole, and the runs follow each other by id.
     */
    private static List<String> mergedInDeliveryOrder(Instance a, Instance b, String chat) {
        var runs = new ArrayList<List<String>>();
        for (Instance i : List.of(a, b)) {
            var run = new ArrayList<String>();
            long last = -1;
            for (String s : i.sender.sent) {
                if (!s.startsWith(chat + "#")) {
                    continue;
                }
                long id = Long.parseLong(s.substring(s.indexOf('#') + 1));
                if (last >= 0 && id < last) {
                    throw new AssertionError(i.name + " sent " + chat + " out of order: " + i.sender.sent);
                }
                last = id;
                run.add(s);
            }
            runs.add(run);
        }
        // Interleave by id: the order per instance is checked above, and ids are the commit order of the chat.
        var all = new ArrayList<String>();
        runs.forEach(all::addAll);
        all.sort(java.util.Comparator.comparingLong(s -> Long.parseLong(s.substring(s.indexOf('#') + 1))));
        return all;
    }

    @Test
    void whenTheInstanceSendingAChatDiesTheOtherTakesTheChatOverInOrder() throws Exception {
        Instance a = start("inst_a");
        Instance b = start("inst_b");
        String doomed = "telegram:500";
        String other = "telegram:501";
        a.sender.hangOn = doomed;
        for (int m = 0; m < 3; m++) {
            a.say(doomed, "my withdrawal is stuck, message " + m, "k" + m).join();
        }
        a.delivering();
        assertTrue(a.sender.hanging.await(30, TimeUnit.SECONDS), "instance A is sending the chat's first reply");

        b.delivering();
        b.say(other, "hello there", "o1").join();
        Await.until(() -> b.sender.idsByChat.containsKey(other), Duration.ofSeconds(30),
                "B delivering a chat nobody holds");
        assertTrue(!b.sender.idsByChat.containsKey(doomed), "B leaves alone a chat A holds and renews");

        a.kill();
        Await.until(() -> b.sender.idsByChat.getOrDefault(doomed, List.of()).size() == 3, Duration.ofSeconds(30),
                "B sending the dead instance's chat once its lease ran out");
        List<Long> ids = b.sender.idsByChat.get(doomed);
        var sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids, "in order, starting with the one that was on the wire");
        assertTrue(a.sender.idsByChat.getOrDefault(doomed, List.of()).isEmpty(), "A never completed a send to it");
        Await.until(() -> b.store.outboxSize() == 0, Duration.ofSeconds(30), "nothing left pending");
    }
}

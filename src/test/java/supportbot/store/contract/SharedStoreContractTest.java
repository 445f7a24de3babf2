package supportbot.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import supportbot.Await;
import supportbot.store.ConversationChanged;
import supportbot.store.ConversationRepository;
import supportbot.store.DuplicateInbound;
import supportbot.store.GroupCommitter;
import supportbot.store.OutboxEntry;
import supportbot.store.Store;

/**
 * What several instances on one store rely on: conversation versions, turns refused on stale state, inbound
 * ids, ticket numbers and outbox claims. MapDB is held by one process, whose lanes already order a conversation's
 * turns: there a turn's checks pass and the outbox is read as before, which the MapDB cases pin down.
 */
class SharedStoreContractTest {
    private static final Set<String> TELEGRAM = Set.of("telegram");

    /** A second instance on the same data (PostgreSQL only: a MapDB file admits one process). */
    private static final class Second implements AutoCloseable {
        final Store store;
        final GroupCommitter committer;

        Second(StoreFixture first) {
            store = Store.over(first.opened.reopen().get());
            committer = new GroupCommitter(store);
        }

        void write(java.util.function.Consumer<Store.Tx> writes) {
            committer.submit(writes).join();
        }

        @Override
        public void close() {
            committer.close();
            store.backend().close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void everyWriteOfAConversationChangesItsVersion(String kind) {
        try (var f = new StoreFixture(kind)) {
            var conversations = f.opened.backend().conversations();
            assertEquals(ConversationRepository.ABSENT, conversations.version("web:v"));
            assertEquals(ConversationRepository.ABSENT, f.store.read("web:v").version());
            f.write(tx -> tx.saveConversation("web:v", Store.encodeConversation(StoreFixture.conversation("web:v", StoreFixture.AT))));
            Store.Read first = f.store.read("web:v");
            assertNotEquals(ConversationRepository.ABSENT, first.version());
            assertEquals(first.version(), conversations.version("web:v"), "read with its value, the same version");
            assertEquals("web:v", first.conversation().conversation().key());
            f.write(tx -> tx.saveConversation("web:v", Store.encodeConversation(StoreFixture.conversation("web:v", StoreFixture.AT))));
            assertNotEquals(first.version(), f.store.read("web:v").version(), "the same content written again is a new version");
            f.write(tx -> tx.forget("web:v"));
            assertEquals(ConversationRepository.ABSENT, f.store.read("web:v").version());
        }
    }

    @Test
    void aTurnOnStateAnotherInstanceChangedIsRefusedBeforeItWritesAndTheOthersInItsGroupCommit() {
        Backends.assumePostgres();
        try (var f = new StoreFixture("postgres"); var other = new Second(f)) {
            var state = Store.encodeConversation(StoreFixture.conversation("web:c", StoreFixture.AT));
            f.write(tx -> tx.saveConversation("web:c", state));
            long read = f.store.read("web:c").version();
            other.write(tx -> tx.saveConversation("web:c", state)); // the other instance's turn commits first

            var stale = f.committer.submit(tx -> {
                tx.claimConversation("web:c", read);
                tx.appendTranscript("web:c", StoreFixture.lines("written on stale state"), 1);
            });
            var fresh = f.committer.submit(tx -> {
                tx.claimConversation("web:d", ConversationRepository.ABSENT);
                tx.saveConversation("web:d", Store.encodeConversation(StoreFixture.conversation("web:d", StoreFixture.AT)));
            });
            var failure = assertThrows(CompletionException.class, stale::join);
            assertTrue(failure.getCause() instanceof ConversationChanged, failure.toString());
            fresh.join();
            assertTrue(f.store.transcript("web:c", 0).isEmpty(), "the stale turn wrote nothing");
            assertTrue(other.store.stored("web:d").isPresent(), "a turn in the same group commit is kept");

            long now = f.store.read("web:c").version();
            f.write(tx -> {
                tx.claimConversation("web:c", now);
                tx.appendTranscript("web:c", StoreFixture.lines("run again on fresh state"), 1);
            });
            assertEquals(1, other.store.transcript("web:c", 0).size());
        }
    }

    @Test
    void onMapDbATurnChecksNothingAndTheOutboxReadsAsBefore() {
        try (var f = new StoreFixture("mapdb")) {
            f.write(tx -> tx.saveConversation("web:m", Store.encodeConversation(StoreFixture.conversation("web:m", StoreFixture.AT))));
            f.write(tx -> {
                tx.claimConversation("web:m", 12345); // a version it never had: one process, nothing to check
                tx.recordInbound("web:m", "m1", StoreFixture.AT);
                tx.recordInbound("web:m", "m1", StoreFixture.AT);
                tx.enqueue("discord", "discord:1", "one", List.of());
                tx.enqueue("telegram", "telegram:1", "two", List.of());
            });
            assertEquals(List.of("one", "two"), texts(f.store.claimOutbox("me", TELEGRAM, 10, Duration.ofSeconds(1))));
            assertTrue(f.store.nextTicketNumber().isEmpty(), "numbers are counted by the one process");
        }
    }

    @Test
    void anInboundIdIsRecordedOnceAcrossInstances() {
        Backends.assumePostgres();
        try (var f = new StoreFixture("postgres"); var other = new Second(f)) {
            f.write(tx -> tx.recordInbound("telegram:1", "update-9", StoreFixture.AT));
            var again = other.committer.submit(tx -> {
                tx.recordInbound("telegram:1", "update-9", StoreFixture.AT);
                tx.appendTranscript("telegram:1", StoreFixture.lines("handled twice"), 1);
            });
            var failure = assertThrows(CompletionException.class, again::join);
            assertTrue(failure.getCause() instanceof DuplicateInbound, failure.toString());
            assertTrue(f.store.transcript("telegram:1", 0).isEmpty());
            other.write(tx -> tx.recordInbound("telegram:2", "update-9", StoreFixture.AT)); // ids are per conversation

            assertEquals(0, f.store.trimInboundIds(StoreFixture.AT));
            assertEquals(2, f.store.trimInboundIds(StoreFixture.AT.plusSeconds(1)));
            f.write(tx -> tx.recordInbound("telegram:1", "update-9", StoreFixture.AT));
        }
    }

    @Test
    void ticketNumbersFromTwoInstancesNeverRepeatAndFollowACopiedStore() {
        Backends.assumePostgres();
        try (var f = new StoreFixture("postgres"); var other = new Second(f)) {
            assertEquals(1001, f.store.nextTicketNumber().orElseThrow(), "the first number, as in the file");
            var numbers = new HashSet<Long>();
            for (int i = 0; i < 20; i++) {
                numbers.add(f.store.nextTicketNumber().orElseThrow());
                numbers.add(other.store.nextTicketNumber().orElseThrow());
            }
            assertEquals(40, numbers.size());
            f.write(tx -> tx.setCounter("ticket", 5000)); // what `migrate` does after copying tickets
            assertEquals(5001, other.store.nextTicketNumber().orElseThrow());
        }
    }

    @Test
    void agentsOnTwoInstancesChangingOneTicketAtOnceLoseNoChange() {
        Backends.assumePostgres();
        try (var f = new StoreFixture("postgres"); var other = new Second(f)) {
            f.write(tx -> tx.saveTicket(StoreFixture.ticket(1001, "web:t", "app-crash")));
            var changes = new java.util.ArrayList<java.util.concurrent.CompletableFuture<Void>>();
            for (int i = 0; i < 40; i++) {
                var note = new supportbot.ticket.TicketEvent(StoreFixture.AT, i % 2 == 0 ? "alice" : "bob",
                        supportbot.ticket.TicketEvent.Type.NOTE, "note " + i, List.of());
                GroupCommitter on = i % 2 == 0 ? f.committer : other.committer;
                changes.add(on.submit(tx -> tx.updateTicket(1001, t -> t.withEvent(note))));
            }
            changes.forEach(java.util.concurrent.CompletableFuture::join);
            long notes = f.store.ticket(1001).orElseThrow().events().stream()
                    .filter(e -> e.type() == supportbot.ticket.TicketEvent.Type.NOTE).count();
            assertEquals(40, notes, "each instance's change applied on top of the other's");
        }
    }

    @Test
    void anInstanceClaimsWholeConversationsAndTheOtherOnlyWhatNobodyHolds() throws Exception {
        Backends.assumePostgres();
        try (var f = new StoreFixture("postgres"); var other = new Second(f)) {
            f.write(tx -> {
                tx.enqueue("telegram", "telegram:1", "1a", List.of());
                tx.enqueue("telegram", "telegram:2", "2a", List.of());
                tx.enqueue("discord", "discord:3", "3a", List.of());
                tx.enqueue("telegram", "telegram:1", "1b", List.of());
            });
            Duration lease = Duration.ofSeconds(30);
            List<OutboxEntry> mine = f.store.claimOutbox("A", TELEGRAM, 1, lease);
            assertEquals(List.of("1a", "1b"), texts(mine), "the oldest head, with the rest of its conversation");
            assertEquals(List.of("2a"), texts(other.store.claimOutbox("B", TELEGRAM, 10, lease)),
                    "the other takes what nobody holds, and only channels it can send");
            f.write(tx -> tx.enqueue("telegram", "telegram:1", "1c", List.of()));
            assertTrue(other.store.claimOutbox("B", TELEGRAM, 10, lease).stream().noneMatch(e -> e.conversationKey()
                    .equals("telegram:1")), "never a later entry of a conversation another holds");
            f.write(tx -> tx.delivered(mine.get(0).id()));
            assertEquals(List.of("1b", "1c"), texts(f.store.claimOutbox("A", TELEGRAM, 10, lease)), "claiming again renews");
            assertEquals(List.of("3a"), texts(other.store.claimOutbox("B", Set.of("discord", "telegram"), 10, lease)
                    .stream().filter(e -> e.channel().equals("discord")).toList()));

            f.store.releaseOutbox("A");
            assertEquals(List.of("1b", "1c"), texts(other.store.claimOutbox("B", TELEGRAM, 10, lease).stream()
                    .filter(e -> e.conversationKey().equals("telegram:1")).toList()), "released: taken at once");
            Duration shortLease = Duration.ofMillis(300);
            other.store.claimOutbox("B", TELEGRAM, 10, shortLease);
            assertFalse(texts(f.store.claimOutbox("A", TELEGRAM, 10, lease)).contains("1b"));
            Await.until(() -> texts(f.store.claimOutbox("A", TELEGRAM, 10, lease)).contains("1b"), Duration.ofSeconds(10),
                    "B's lease running out");
        }
    }

    @Test
    void entriesWrittenBeforeClaimsExistedAreLabelledAtStart() throws Exception {
        Backends.assumePostgres();
        try (var f = new StoreFixture("postgres")) {
            f.write(tx -> tx.enqueue("telegram", "telegram:7", "from an older build", List.of()));
            try (var c = java.sql.DriverManager.getConnection(Backends.URL, Backends.settings("x").user(),
                    Backends.settings("x").password()); var st = c.createStatement()) {
                st.execute("update " + schemaOf(f) + ".outbox set channel = null, conversation_key = null");
            }
            assertTrue(f.store.claimOutbox("A", TELEGRAM, 10, Duration.ofSeconds(5)).isEmpty(), "unlabelled: nobody's");
            try (var reopened = new Second(f)) {
                assertEquals(List.of("from an older build"),
                        texts(reopened.store.claimOutbox("A", TELEGRAM, 10, Duration.ofSeconds(5))));
            }
        }
    }

    private static String schemaOf(StoreFixture f) {
        return ((supportbot.store.postgres.PostgresBackend) f.opened.backend()).schema();
    }

    private static List<String> texts(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::text).toList();
    }
}

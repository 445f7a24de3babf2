package supportbot.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import supportbot.cluster.Broadcast;
import supportbot.cluster.Notice;

/** LISTEN/NOTIFY between two instances' backends on one schema, each with its own pool and listening session. */
class PgBroadcastTest {
    private static final long WAIT_S = 15;

    /** Everything one instance heard, and a way to wait for a particular notice. */
    static final class Heard {
        final List<Notice> all = new CopyOnWriteArrayList<>();
        private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

        private record Waiter(Predicate<Notice> match, CompletableFuture<Notice> found) {
        }

        void accept(List<Notice> batch) {
            all.addAll(batch);
            for (Notice n : batch) {
                for (Waiter w : waiters) {
                    if (w.match.test(n)) {
                        w.found.complete(n);
                    }
                }
            }
        }

        CompletableFuture<Notice> next(Predicate<Notice> match) {
            var w = new Waiter(match, new CompletableFuture<>());
            waiters.add(w);
            all.stream().filter(match).findFirst().ifPresent(w.found::complete);
            return w.found;
        }
    }

    @Test
    void aNoticeReachesTheOtherInstanceAndNotItsSender() throws Exception {
        try (var schema = TestSchema.create("notices");
             var a = PostgresBackend.open(schema.settings); var b = PostgresBackend.open(schema.settings);
             Broadcast fromA = a.broadcast("a"); Broadcast fromB = b.broadcast("b")) {
            var heardByA = new Heard();
            var heardByB = new Heard();
            fromA.subscribe(heardByA::accept);
            fromB.subscribe(heardByB::accept);

            fromA.publish(Notice.committed("web:alice"));
            fromA.publish(Notice.typing("telegram", "telegram:501", false));
            assertEquals(Notice.committed("web:alice"), heardByB.next(n -> n.kind() == Notice.Kind.COMMITTED)
                    .get(WAIT_S, TimeUnit.SECONDS));
            assertEquals(Notice.typing("telegram", "telegram:501", false),
                    heardByB.next(n -> n.channel() != null).get(WAIT_S, TimeUnit.SECONDS));

            // B answers only after hearing A, so A's own notice, had it come back, would be in A's list first.
            fromB.publish(Notice.committed("web:bob"));
            heardByA.next(n -> "web:bob".equals(n.subject())).get(WAIT_S, TimeUnit.SECONDS);
            assertEquals(List.of(Notice.committed("web:bob")), heardByA.all);
        }
    }

    @Test
    void aKeyDestroyedOnOneInstanceNoLongerOpensAnythingOnTheOther() throws Exception {
        try (var schema = TestSchema.create("notices");
             var a = PostgresBackend.open(schema.settings); var b = PostgresBackend.open(schema.settings);
             Broadcast fromA = a.broadcast("a"); Broadcast fromB = b.broadcast("b")) {
            a.begin();
            long id = a.keys().idFor("web:carol");
            a.commit();
            b.begin();
            assertTrue(b.keys().key(id).isPresent(), "B reads the key in a transaction and keeps it in memory");
            b.commit();
            var heardByB = new Heard();
            fromB.subscribe(heardByB::accept); // after the store's own listener, which drops the key

            a.begin();
            a.keys().destroy("web:carol");
            a.commit();

            heardByB.next(n -> n.kind() == Notice.Kind.KEY_DESTROYED).get(WAIT_S, TimeUnit.SECONDS);
            assertTrue(b.keys().key(id).isEmpty(), "B's memory let go of the destroyed key");
        }
    }

    @Test
    void aListenerCutOffReconnectsAndSaysItMayHaveMissedNotices() throws Exception {
        String b = "b-" + UUID.randomUUID();
        try (var schema = TestSchema.create("notices");
             var backendA = PostgresBackend.open(schema.settings); var backendB = PostgresBackend.open(schema.settings);
             Broadcast fromA = backendA.broadcast("a"); Broadcast fromB = backendB.broadcast(b)) {
            var heardByB = new Heard();
            fromB.subscribe(heardByB::accept);
            assertEquals(1, TestSchema.terminate("support-bot listener " + b));

            heardByB.next(n -> n.kind() == Notice.Kind.MISSED).get(WAIT_S, TimeUnit.SECONDS);
            fromA.publish(Notice.forgotten("web:dave"));
            assertEquals(Notice.forgotten("web:dave"), heardByB.next(n -> n.kind() == Notice.Kind.FORGOTTEN)
                    .get(WAIT_S, TimeUnit.SECONDS), "listening again");
        }
    }

    @Test
    void aLargeBatchIsSplitUnderTheServersLimitAndReadBackWhole() {
        var batch = new ArrayList<Notice>();
        for (int i = 0; i < 500; i++) {
            batch.add(Notice.committed("web:session-" + i + " with spaces\nand ~ a line break"));
        }
        batch.add(Notice.committedAnywhere());
        var payloads = PgBroadcast.encode("a", batch);
        assertTrue(payloads.size() > 1, "more than one notification");
        var back = new ArrayList<Notice>();
        for (String p : payloads) {
            assertTrue(p.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 8000, "under PostgreSQL's limit");
            PgBroadcast.decode("b", p, back);
        }
        assertEquals(batch, back);
        var own = new ArrayList<Notice>();
        payloads.forEach(p -> PgBroadcast.decode("a", p, own));
        assertTrue(own.isEmpty(), "an instance skips its own notices");
    }
}

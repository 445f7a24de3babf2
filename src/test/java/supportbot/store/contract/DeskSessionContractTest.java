package supportbot.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import supportbot.store.DeskSessionRepository.Row;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/** Desk sign-ins: kept by hash, moved on use, dropped when idle or signed out, and still there after a reopen. */
class DeskSessionContractTest {
    private static final Instant AT = StoreFixture.AT;

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void aSessionReadsBackMovesOnUseAndGoesOnSignOut(String kind) {
        try (var f = new StoreFixture(kind)) {
            f.write(tx -> tx.putDeskSession("hash-a", "alice smith", AT));
            assertEquals(new Row("alice smith", AT.toEpochMilli()), f.store.deskSession("hash-a").orElseThrow());
            assertTrue(f.store.deskSession("hash-b").isEmpty());
            f.write(tx -> tx.putDeskSession("hash-a", "alice smith", AT.plusSeconds(90)));
            assertEquals(AT.plusSeconds(90).toEpochMilli(), f.store.deskSession("hash-a").orElseThrow().lastSeenMillis());
            f.write(tx -> tx.dropDeskSession("hash-a"));
            assertTrue(f.store.deskSession("hash-a").isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void onlySessionsIdleSinceTheCutoffAreDropped(String kind) {
        try (var f = new StoreFixture(kind)) {
            f.write(tx -> {
                tx.putDeskSession("old", "alice", AT.minus(Duration.ofHours(13)));
                tx.putDeskSession("edge", "bob", AT.minus(Duration.ofHours(12)));
                tx.putDeskSession("new", "sue", AT);
            });
            int[] dropped = new int[1];
            f.write(tx -> dropped[0] = tx.dropDeskSessionsIdleSince(AT.minus(Duration.ofHours(12))));
            assertEquals(1, dropped[0]);
            assertTrue(f.store.deskSession("old").isEmpty());
            assertEquals("bob", f.store.deskSession("edge").orElseThrow().agent());
            assertEquals("sue", f.store.deskSession("new").orElseThrow().agent());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void sessionsOutliveAReopen(String kind) {
        var opened = Backends.open(kind);
        try {
            var store = Store.over(opened.backend());
            try (var committer = new GroupCommitter(store)) {
                committer.submit(tx -> tx.putDeskSession("kept", "alice", AT)).join();
            }
            store.close();
            var again = Store.over(opened.reopen().get());
            try {
                assertEquals(List.of("alice"), again.deskSession("kept").map(Row::agent).stream().toList());
            } finally {
                again.close();
            }
        } finally {
            opened.discard().run();
        }
    }
}

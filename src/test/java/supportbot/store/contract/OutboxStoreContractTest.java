package supportbot.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import supportbot.dialogue.Button;
import supportbot.store.OutboxEntry;

/** The outbox: entries in the order they were committed, delivered, sent in parts, or parked. */
class OutboxStoreContractTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void pendingEntriesComeInOrderUntilDelivered(String kind) {
        try (var f = new StoreFixture(kind)) {
            long[] ids = new long[3];
            f.write(tx -> {
                ids[0] = tx.enqueue("web", "web:a", "first", List.of(new Button("Yes", "yes")));
                ids[1] = tx.enqueue("web", "web:b", "second", List.of());
            });
            f.write(tx -> ids[2] = tx.enqueue("telegram", "telegram:1", "third", List.of()));
            assertTrue(ids[0] < ids[1] && ids[1] < ids[2], "ids grow in commit order");
            List<OutboxEntry> pending = f.store.pendingOutbox(10);
            assertEquals(List.of("first", "second", "third"), pending.stream().map(OutboxEntry::text).toList());
            assertEquals(ids[0], pending.get(0).id());
            assertEquals(List.of(new Button("Yes", "yes")), pending.get(0).buttons());
            assertEquals(2, f.store.pendingOutbox(2).size());
            f.write(tx -> tx.delivered(ids[0]));
            assertEquals(List.of("second", "third"), f.store.pendingOutbox(10).stream().map(OutboxEntry::text).toList());
            assertEquals(2, f.store.outboxSize());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void partsSentAreKeptAndParkedEntriesLeaveThePendingOnes(String kind) {
        try (var f = new StoreFixture(kind)) {
            long[] id = new long[2];
            f.write(tx -> {
                id[0] = tx.enqueue("telegram", "telegram:1", "a long reply", List.of());
                id[1] = tx.enqueue("telegram", "telegram:2", "to a user who blocked the bot", List.of());
            });
            f.write(tx -> tx.partsDelivered(id[0], 2));
            assertEquals(2, f.store.pendingOutbox(10).get(0).partsSent());
            f.write(tx -> tx.park(id[1], "blocked by the user"));
            assertEquals(1, f.store.outboxSize());
            assertEquals(1, f.store.undeliverableCount());
            f.write(tx -> id[1] = tx.enqueue("telegram", "telegram:3", "after", List.of()));
            assertTrue(id[1] > id[0], "ids are never reused");
        }
    }
}

package supportbot.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.store.GroupCommitter;
import supportbot.store.OutboxEntry;
import supportbot.store.Store;

/** The outbox over a real MapDB store: what a shutdown in the middle of sending leaves behind. */
class OutboxTest {
    @TempDir
    Path dataDir;

    /** A channel whose sends take a while, like a platform round trip, and which records what it took. */
    private static final class SlowChannel implements ChannelSender {
        final List<String> taken = new CopyOnWriteArrayList<>();
        final CountDownLatch firstStarted = new CountDownLatch(1);

        @Override
        public String channel() {
            return "slow";
        }

        @Override
        public void send(OutboxEntry entry, PartsProgress progress) throws Exception {
            firstStarted.countDown();
            Thread.sleep(300); // an interrupt here would lose the knowledge that the platform took the message
            taken.add(entry.text());
        }
    }

    @Test
    void aShutdownMidSendRecordsTheSendAndLeavesTheRestForTheNextStart() throws Exception {
        var slow = new SlowChannel();
        try (Store store = Store.open(dataDir)) {
            var committer = new GroupCommitter(store);
            committer.submit(tx -> {
                for (int i = 1; i <= 5; i++) {
                    tx.enqueue("slow", "slow:user", "message " + i, List.of());
                }
            }).join();
            var outbox = new Outbox(store, committer).register(slow).start();
            assertTrue(slow.firstStarted.await(5, TimeUnit.SECONDS), "sending began");
            outbox.close();
            committer.close();

            assertEquals(List.of("message 1"), slow.taken, "the send in progress finished; no new one began");
            assertEquals(List.of("message 2", "message 3", "message 4", "message 5"),
                    store.pendingOutbox(10).stream().map(OutboxEntry::text).toList(),
                    "the message sent is recorded as such, so the next start does not send it again");
        }
    }
}

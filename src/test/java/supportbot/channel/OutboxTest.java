package supportbot.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /**
     * A channel whose first send is still on the wire when the shutdown begins: it returns only once the closing
     * thread waits for it, and records what it took.
     */
    private static final class SlowChannel implements ChannelSender {
        final List<String> taken = new CopyOnWriteArrayList<>();
        final CountDownLatch firstStarted = new CountDownLatch(1);
        volatile Thread closer;

        @Override
        public String channel() {
            return "slow";
        }

        @Override
        public void send(OutboxEntry entry, PartsProgress progress) throws Exception {
            firstStarted.countDown();
            // The closer is joining this thread by now, so close() has begun. An interrupt while waiting here
            // would lose the knowledge that the platform took the message.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (closer == null || closer.getState() != Thread.State.TIMED_WAITING) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IllegalStateException("close() never began waiting for the send in progress");
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException("the send in progress was interrupted");
                }
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
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
            Thread closer = new Thread(outbox::close, "closer");
            slow.closer = closer;
            closer.start();
            closer.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(closer.isAlive(), "close() returned");
            committer.close();

            assertEquals(List.of("message 1"), slow.taken, "the send in progress finished; no new one began");
            assertEquals(List.of("message 2", "message 3", "message 4", "message 5"),
                    store.pendingOutbox(10).stream().map(OutboxEntry::text).toList(),
                    "the message sent is recorded as such, so the next start does not send it again");
        }
    }
}

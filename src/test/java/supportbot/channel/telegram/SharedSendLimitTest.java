package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import supportbot.store.contract.Backends;
import supportbot.store.postgres.PostgresBackend;
import supportbot.store.postgres.PostgresSettings;

/**
 * Two instances' limiters on one PostgreSQL database keep one limit between them: the sends they allow
 * together are spread as the bot's (or a group's) limit demands, however the two race.
 */
class SharedSendLimitTest {
    /** Sends {@code total} messages through both limiters at once; returns the nanoTime of each allowed send. */
    private static long[] sendThroughBoth(SendLimiter.Limits limits, int total, java.util.function.IntToLongFunction chatOf,
                                          AtomicInteger[] perInstance) throws Exception {
        Backends.assumePostgres();
        PostgresSettings settings = Backends.settings("store_test_rate_" + UUID.randomUUID().toString().replace("-", ""));
        try (var first = PostgresBackend.open(settings); var second = PostgresBackend.open(settings)) {
            var limiters = List.of(new SendLimiter(limits, System::nanoTime).sharedWith(first.rateBuckets()),
                    new SendLimiter(limits, System::nanoTime).sharedWith(second.rateBuckets()));
            var allowed = new ConcurrentLinkedQueue<Long>();
            var next = new AtomicInteger();
            var done = new CountDownLatch(4);
            var failure = new AtomicLong();
            for (int t = 0; t < 4; t++) {
                int instance = t % 2;
                new Thread(() -> {
                    try {
                        int n;
                        while ((n = next.getAndIncrement()) < total) {
                            long chat = chatOf.applyAsLong(n);
                            Duration wait;
                            while (!(wait = limiters.get(instance).tryAcquire(chat)).isZero()) {
                                LockSupport.parkNanos(wait.toNanos());
                            }
                            allowed.add(System.nanoTime());
                            perInstance[instance].incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failure.incrementAndGet();
                    } finally {
                        done.countDown();
                    }
                }).start();
            }
            assertTrue(done.await(60, TimeUnit.SECONDS), "the sends finished");
            assertEquals(0, failure.get());
            first.dropSchema();
            return allowed.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    @Test
    void theBotsLimitHoldsForBothInstancesTogether() throws Exception {
        // 20 a second for the bot; chats and groups never the limit here (each send goes to a new chat).
        var limits = new SendLimiter.Limits(20, 1, 1000, 1, 60_000, 1);
        var perInstance = new AtomicInteger[] {new AtomicInteger(), new AtomicInteger()};
        long[] at = sendThroughBoth(limits, 30, n -> 1_000 + n, perInstance);
        double seconds = (at[at.length - 1] - at[0]) / 1e9;
        // 30 sends at 20/s need at least 29 intervals of 50 ms; two unshared limiters would take 0.7 s.
        assertTrue(seconds >= 29 * 0.05 * 0.9, "30 sends took only " + seconds + " s");
        assertTrue(perInstance[0].get() > 0 && perInstance[1].get() > 0, "both instances sent");
    }

    @Test
    void aGroupsLimitHoldsForBothInstancesTogether() throws Exception {
        // 600 a minute (10 a second) for the one group; the bot's own limit far above.
        var limits = new SendLimiter.Limits(1000, 1, 1000, 1, 600, 1);
        var perInstance = new AtomicInteger[] {new AtomicInteger(), new AtomicInteger()};
        long[] at = sendThroughBoth(limits, 12, n -> -100L, perInstance);
        double seconds = (at[at.length - 1] - at[0]) / 1e9;
        assertTrue(seconds >= 11 * 0.1 * 0.9, "12 sends to one group took only " + seconds + " s");
        assertTrue(perInstance[0].get() > 0 && perInstance[1].get() > 0, "both instances sent");
    }
}

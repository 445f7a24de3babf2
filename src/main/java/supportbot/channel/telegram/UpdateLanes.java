package supportbot.channel.telegram;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs updates of different chats side by side and those of one chat in order, so one slow Bot API call
 * (a file download, a topic creation) holds up only its own chat. It also knows up to which update every
 * update is done: only that far may the polling offset move, so nothing in flight is lost in a crash.
 */
final class UpdateLanes implements AutoCloseable {
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "telegram-update-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final Object lock = new Object();
    private final Map<Long, CompletableFuture<Void>> tails = new HashMap<>();
    private final TreeMap<Integer, CompletableFuture<Void>> inFlight = new TreeMap<>();

    /** Queues work behind the lane's earlier updates; an update already queued (fetched again) is not run twice. */
    void submit(int updateId, long lane, Runnable work) {
        synchronized (lock) {
            if (inFlight.containsKey(updateId)) {
                return;
            }
            CompletableFuture<Void> before = tails.getOrDefault(lane, CompletableFuture.completedFuture(null));
            // A failed update (the connector closing) does not stop the ones behind it in its lane.
            CompletableFuture<Void> next = before.handle((r, e) -> null).thenRunAsync(work, workers);
            tails.put(lane, next);
            inFlight.put(updateId, next);
            next.whenComplete((ignored, failure) -> {
                synchronized (lock) {
                    tails.remove(lane, next);
                    lock.notifyAll();
                }
            });
        }
    }

    /** The last update such that it and every one before it went through, forgetting those; empty if none. */
    OptionalInt takeDonePrefix() {
        synchronized (lock) {
            Integer last = null;
            while (!inFlight.isEmpty() && inFlight.firstEntry().getValue().isDone()
                    && !inFlight.firstEntry().getValue().isCompletedExceptionally()) {
                last = inFlight.pollFirstEntry().getKey();
            }
            return last == null ? OptionalInt.empty() : OptionalInt.of(last);
        }
    }

    /** Waits until nothing is in flight, or at most max; true when nothing is. */
    boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (lock) {
            while (inFlight.values().stream().anyMatch(f -> !f.isDone())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}

package supportbot.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** A version number that moves on every commit, and long polls that wait for it to move. */
final class DeskChanges {
    private final AtomicLong version = new AtomicLong(1);
    private final AtomicReference<CompletableFuture<Long>> next = new AtomicReference<>(new CompletableFuture<>());

    void bump() {
        long v = version.incrementAndGet();
        next.getAndSet(new CompletableFuture<>()).complete(v);
    }

    long version() {
        return version.get();
    }

    /** The version once it is above {@code since}, or the current one after {@code waitSeconds}. */
    CompletableFuture<Long> after(long since, int waitSeconds) {
        CompletableFuture<Long> waiting = next.get();
        long now = version.get();
        if (now > since) {
            return CompletableFuture.completedFuture(now);
        }
        return waiting.copy().completeOnTimeout(now, waitSeconds, TimeUnit.SECONDS);
    }
}

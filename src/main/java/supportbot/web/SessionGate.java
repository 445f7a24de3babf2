package supportbot.web;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Caps how many chat sessions one client address may create: each is a row in the store, so without a cap a
 * script could fill the disk. A token bucket per address: {@code perAddress} at once, refilled over {@code window}.
 */
final class SessionGate {
    private static final class Bucket {
        double tokens;
        long at;
    }

    private final int perAddress;
    private final Duration window;
    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> buckets;

    SessionGate(int perAddress, Duration window, LongSupplier nanoTime) {
        this.perAddress = perAddress;
        this.window = window;
        this.nanoTime = nanoTime;
        this.buckets = CacheBuilder.newBuilder().expireAfterAccess(window.toNanos(), TimeUnit.NANOSECONDS)
                .maximumSize(100_000).build();
    }

    /** Takes one creation for {@code address}, or throws 429 with when the next one is allowed. */
    synchronized void admit(String address) {
        long now = nanoTime.getAsLong();
        Bucket b = buckets.getIfPresent(address);
        if (b == null) {
            b = new Bucket();
            b.tokens = perAddress;
            b.at = now;
            buckets.put(address, b);
        }
        double perNano = perAddress / (double) window.toNanos();
        b.tokens = Math.min(perAddress, b.tokens + (now - b.at) * perNano);
        b.at = now;
        if (b.tokens < 1) {
            long wait = (long) Math.ceil((1 - b.tokens) / perNano);
            throw new HttpError(429, "too many new chat sessions from your address; try again later",
                    Duration.ofNanos(wait).plusSeconds(1));
        }
        b.tokens -= 1;
    }
}

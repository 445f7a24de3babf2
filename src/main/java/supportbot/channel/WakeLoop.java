package supportbot.channel;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background thread that runs one pass when woken (a commit happened) or after an idle interval, and waits
 * as long as the pass asks before the next one: a rate limit's retry-after, a failure's backoff.
 */
public final class WakeLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WakeLoop.class);
    private static final long MAX_WAIT_MS = 30_000;

    /** One pass; returns how long to wait before the next one, or zero to wait for a wake-up (or the idle time). */
    public interface Pass {
        Duration run() throws InterruptedException;
    }

    private final String name;
    private final Duration idle;
    private final Pass pass;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    public WakeLoop(String name, Duration idle, Pass pass) {
        this.name = name;
        this.idle = idle;
        this.pass = pass;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
    }

    public WakeLoop start() {
        thread.start();
        wake();
        return this;
    }

    public void wake() {
        wake.release();
    }

    private void loop() {
        long waitMs = 0;
        while (running) {
            try {
                wake.tryAcquire(waitMs > 0 ? waitMs : idle.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                Duration next = pass.run();
                waitMs = next.isZero() ? 0 : Math.min(MAX_WAIT_MS, Math.max(next.toMillis(), 50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("{} pass failed; retrying", name, e);
                waitMs = 5000;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

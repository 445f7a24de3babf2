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
    private static final long CLOSE_GRACE_MS = 10_000;

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

    /** True once {@link #close()} began: a long pass stops at its next safe point (between two sends). */
    public boolean closing() {
        return !running;
    }

    /**
     * Lets a pass in progress reach its next safe point rather than interrupting it mid-send: a send cut off
     * after the platform took it, but before it was recorded, would go out again after the restart. Only a
     * pass still busy after the grace period is interrupted.
     */
    @Override
    public void close() {
        running = false;
        wake();
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(CLOSE_GRACE_MS);
            if (thread.isAlive()) {
                log.warn("{} still busy {} ms after close; interrupting it", name, CLOSE_GRACE_MS);
                thread.interrupt();
                thread.join(1000);
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}

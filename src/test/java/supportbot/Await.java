package supportbot;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Waits for a condition that something else makes true, and fails the test if it never does. */
public final class Await {
    /** A check that may call the system under test (over HTTP, say) and so may throw. */
    public interface Check {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    public static void until(Check check, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            // These conditions have nothing to wait on (an HTTP answer, a file watcher), so they are polled.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}

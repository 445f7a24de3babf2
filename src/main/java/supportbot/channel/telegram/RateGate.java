package supportbot.channel.telegram;

import java.time.Duration;
import supportbot.channel.SendFailure;

/** Takes a send slot from the limiter: sleeps through a short wait, defers the chat for a long one. */
final class RateGate {
    private RateGate() {
    }

    static void pass(SendLimiter limiter, long chatId, Duration sleepAtMost) throws SendFailure {
        while (true) {
            Duration wait = limiter.tryAcquire(chatId);
            if (wait.isZero()) {
                return;
            }
            if (wait.compareTo(sleepAtMost) > 0) {
                throw SendFailure.retryAfter(wait, "rate limit for chat " + chatId);
            }
            try {
                Thread.sleep(Math.max(1, wait.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw SendFailure.transientError("interrupted while waiting for a send slot", e);
            }
        }
    }
}

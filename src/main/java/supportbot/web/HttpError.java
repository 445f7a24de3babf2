package supportbot.web;

import java.time.Duration;

/**
 * A refused request: its status, the message for the caller, and (for 429 and 503) when to try again. Thrown
 * from handlers and the access check; {@link WebServer} turns it into an {@link ApiError} answer.
 */
final class HttpError extends RuntimeException {
    private final int status;
    private final Duration retryAfter;

    HttpError(int status, String message) {
        this(status, message, null);
    }

    HttpError(int status, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    /** Null when a retry would not help. */
    Duration retryAfter() {
        return retryAfter;
    }
}

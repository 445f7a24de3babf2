package supportbot.channel;

import java.time.Duration;

/**
 * Why a {@link ChannelSender} could not deliver an entry. {@code retryAfter} is the platform's own wait (rate
 * limit) or null for "soon, with backoff"; a permanent failure (the user blocked the bot, the chat is gone)
 * parks the entry instead of retrying it forever.
 */
public final class SendFailure extends Exception {
    private final Duration retryAfter;
    private final boolean permanent;
    private final boolean tooManyRequests;

    private SendFailure(String message, Duration retryAfter, boolean permanent, Throwable cause) {
        this(message, retryAfter, permanent, cause, false);
    }

    private SendFailure(String message, Duration retryAfter, boolean permanent, Throwable cause, boolean tooManyRequests) {
        super(message, cause);
        this.retryAfter = retryAfter;
        this.permanent = permanent;
        this.tooManyRequests = tooManyRequests;
    }

    /** The platform itself answered 429, as opposed to our own limiter holding a send back: counted apart. */
    public static SendFailure tooManyRequests(Duration wait, String why) {
        return new SendFailure(why, wait, false, null, true);
    }

    public boolean tooManyRequests() {
        return tooManyRequests;
    }

    public static SendFailure retryAfter(Duration wait, String why) {
        return new SendFailure(why, wait, false, null);
    }

    public static SendFailure transientError(String why, Throwable cause) {
        return new SendFailure(why, null, false, cause);
    }

    public static SendFailure permanent(String why, Throwable cause) {
        return new SendFailure(why, null, true, cause);
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public boolean permanent() {
        return permanent;
    }
}

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

    private SendFailure(String message, Duration retryAfter, boolean permanent, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
        this.permanent = permanent;
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

package supportbot.channel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/**
 * "An agent is typing" for one conversation, from the desk's reply box to the user. Nothing here is stored: it
 * is a hint that fades by itself. The web chat reads it on its long poll (which a fresh hint wakes); channels that
 * push (Telegram, Discord) get it forwarded to their sender's chat action.
 */
public final class AgentTyping {
    /** How long one keystroke keeps the hint up: about what Telegram's own chat action lasts. */
    public static final long SHOWN_FOR_MILLIS = 6_000;
    /** Keystrokes closer together than this send nothing new: the hint is still up. */
    static final long AT_MOST_EVERY_MILLIS = 2_000;

    private final ConversationSignals signals;
    private final LongSupplier nanoTime;
    private final Map<String, Long> since = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, String> push = (channel, key) -> { };

    /** @param nanoTime a monotonic clock (not the bot's clock, which tests fix) */
    public AgentTyping(ConversationSignals signals, LongSupplier nanoTime) {
        this.signals = signals;
        this.nanoTime = nanoTime;
    }

    /** Where hints for channels that push go: (channel, conversation key). */
    public void forwardTo(BiConsumer<String, String> push) {
        this.push = push;
    }

    /** An agent typed in the reply for this conversation. @return false when throttled (nothing sent) */
    public boolean typing(String channel, String conversationKey) {
        long now = nanoTime.getAsLong();
        Long last = since.get(conversationKey);
        if (last != null && now - last < TimeUnit.MILLISECONDS.toNanos(AT_MOST_EVERY_MILLIS)) {
            return false;
        }
        since.put(conversationKey, now);
        signals.signal(conversationKey);
        push.accept(channel, conversationKey);
        return true;
    }

    /**
     * An agent typed on another instance, which pushed the hint to Telegram or Discord already: here only the web
     * chat's long poll needs it.
     */
    public void typedElsewhere(String conversationKey) {
        since.put(conversationKey, nanoTime.getAsLong());
        signals.signal(conversationKey);
    }

    /** True while the latest keystroke is recent enough for the hint to show. */
    public boolean isTyping(String conversationKey) {
        Long last = since.get(conversationKey);
        if (last == null) {
            return false;
        }
        if (nanoTime.getAsLong() - last < TimeUnit.MILLISECONDS.toNanos(SHOWN_FOR_MILLIS)) {
            return true;
        }
        since.remove(conversationKey, last);
        return false;
    }

    /** The agent's message arrived: the hint has done its job. */
    public void stopped(String conversationKey) {
        since.remove(conversationKey);
    }
}

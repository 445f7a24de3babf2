package supportbot.channel.telegram;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Keeps outbound sends under Telegram's limits: 30 messages a second per bot, one a second per chat and 20 a
 * minute per group, plus whatever a 429's retry_after demands. Those limits are taken as sliding windows that
 * tolerate no burst, so the defaults send evenly spaced, a little under each limit (see
 * {@link Limits#telegramDefaults()}); bursts can still be configured where a server allows them.
 *
 * <p>Each bucket is kept in its GCRA form (a "theoretical arrival time" in nanos) rather than as a fractional
 * token count: it is the same token bucket, but integer arithmetic means a send the limiter said to retry
 * after exactly {@code d} really does pass after {@code d}, with no floating-point drift.
 */
public final class SendLimiter {
    // Longer retry_after values would only risk overflowing clock arithmetic; Telegram asks for seconds.
    private static final Duration MAX_PAUSE = Duration.ofDays(1);

    public record Limits(double perBotPerSecond, int botBurst, double perChatPerSecond, int chatBurst,
                         double perGroupPerMinute, int groupBurst) {
        public Limits {
            requirePositive(perBotPerSecond, "perBotPerSecond");
            requirePositive(perChatPerSecond, "perChatPerSecond");
            requirePositive(perGroupPerMinute, "perGroupPerMinute");
            if (botBurst < 1 || chatBurst < 1 || groupBurst < 1) {
                throw new IllegalArgumentException("bursts must be at least 1");
            }
        }

        /** 27/s per bot, 0.9/s per chat, 18/min per group, no bursts: a tenth under Telegram's limits. */
        public static Limits telegramDefaults() {
            // A window of length w sees up to burst - 1 + ceil(w * rate) of our sends. With any burst above 1 that
            // is more than the window allows (30 + 29 in the bot's first second at burst 30), and with burst 1 at
            // exactly 30/s, 1/s and 20/min it is the limit with nothing to spare. But Telegram counts arrivals, not
            // our clock: a send held up on its way (a busy CPU, a GC pause, the network) lands closer to the sends
            // after it. A tenth under puts 30 sends over 1.11 s, a chat's two over 1.11 s and a group's 21 over
            // 66.7 s, so arrivals may lag by 110 ms (6.6 s in a group) unseen. 5% under (52 ms) was not always
            // enough in bench/telegram-load.sh on a busy two-core machine.
            return new Limits(27, 1, 0.9, 1, 18, 1);
        }

        private static void requirePositive(double rate, String name) {
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException(name + " must be a positive finite rate");
            }
        }
    }

    private final LongSupplier nanoTime;
    private final Bucket bot;
    private final Bucket chat;
    private final Bucket group;
    private final Map<Long, ChatState> chats = new HashMap<>();
    // Long enough for any chat or group bucket to refill completely, so one sweep frees every idle chat.
    private final long sweepEveryNanos;
    /** Set when several instances share the bot: its per-bot and per-group limits are kept in the store. */
    private supportbot.store.RateBuckets shared;
    private long botArrival;
    private long pausedUntil;
    private long lastSweep;

    public SendLimiter(Limits limits, LongSupplier nanoTime) {
        Objects.requireNonNull(limits, "limits");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.bot = Bucket.of(1e9 / limits.perBotPerSecond(), limits.botBurst());
        this.chat = Bucket.of(1e9 / limits.perChatPerSecond(), limits.chatBurst());
        this.group = Bucket.of(60e9 / limits.perGroupPerMinute(), limits.groupBurst());
        this.sweepEveryNanos = Math.max(chat.fillNanos(), group.fillNanos());
        long now = nanoTime.getAsLong();
        this.botArrival = now;
        this.pausedUntil = now;
        this.lastSweep = now;
    }

    /**
     * Keeps the per-bot and per-group limits in buckets every instance shares, so they hold for the bot as a whole.
     * A chat's own limit stays here: the outbox hands a chat to one instance at a time.
     */
    public SendLimiter sharedWith(supportbot.store.RateBuckets buckets) {
        synchronized (this) {
            this.shared = Objects.requireNonNull(buckets, "buckets");
        }
        return this;
    }

    /**
     * Reserves a send to chatId now if the bot, the chat (and, for a group, the group) buckets all have a
     * token, taking one from each and returning {@link Duration#ZERO}; otherwise takes nothing and returns how
     * long to wait before trying again (the longest of the buckets' waits). Groups are chats with id &lt; 0.
     */
    public synchronized Duration tryAcquire(long chatId) {
        long now = nanoTime.getAsLong();
        sweepIfDue(now);
        ChatState state = chats.get(chatId);
        boolean isGroup = chatId < 0;
        long wait = shared != null ? remaining(pausedUntil, now) : Math.max(remaining(pausedUntil, now), bot.wait(botArrival, now));
        // A chat we hold no state for has full buckets and no pause, so it cannot add a wait.
        if (state != null) {
            wait = Math.max(wait, remaining(state.pausedUntil, now));
            wait = Math.max(wait, chat.wait(state.chatArrival, now));
            if (isGroup) {
                wait = Math.max(wait, group.wait(state.groupArrival, now));
            }
        }
        if (wait > 0) {
            return Duration.ofNanos(wait);
        }
        if (shared != null) {
            Duration sharedWait = takeShared(chatId, isGroup);
            if (!sharedWait.isZero()) {
                return sharedWait;
            }
        }
        if (state == null) {
            state = new ChatState(now);
            chats.put(chatId, state);
        }
        botArrival = bot.take(botArrival, now);
        state.chatArrival = chat.take(state.chatArrival, now);
        if (isGroup) {
            state.groupArrival = group.take(state.groupArrival, now);
        }
        return Duration.ZERO;
    }

    /**
     * The bot's bucket first, then the group's: a group refused wastes one of the bot's many tokens, never the
     * other way round (a group's few would starve while the bot is busy).
     */
    private Duration takeShared(long chatId, boolean isGroup) {
        try {
            Duration botWait = shared.tryTake("telegram:bot", Duration.ofNanos(bot.interval()), Duration.ofNanos(bot.tolerance()));
            if (!botWait.isZero() || !isGroup) {
                return botWait;
            }
            return shared.tryTake("telegram:group:" + chatId, Duration.ofNanos(group.interval()),
                    Duration.ofNanos(group.tolerance()));
        } catch (RuntimeException e) {
            // Without the shared count a send could break the bot's limit: wait for the store instead.
            return Duration.ofSeconds(1);
        }
    }

    /** Telegram answered 429 retry_after: nothing goes to this chat (or, if chatId is null, to anyone) until then. */
    public synchronized void pause(Long chatId, Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            return;
        }
        long now = nanoTime.getAsLong();
        sweepIfDue(now);
        long until = now + (retryAfter.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : retryAfter).toNanos();
        if (chatId == null) {
            pausedUntil = later(pausedUntil, until);
        } else {
            ChatState state = chats.computeIfAbsent(chatId, id -> new ChatState(now));
            state.pausedUntil = later(state.pausedUntil, until);
        }
    }

    /** How many chats currently hold limiter state; for tests of the idle-chat cleanup. */
    synchronized int trackedChats() {
        return chats.size();
    }

    /**
     * Drops chats whose buckets are full and whose pause is over: their state says nothing a fresh one
     * wouldn't. Between sweeps the bot bucket itself bounds how many chats can have been touched.
     */
    private void sweepIfDue(long now) {
        if (now - lastSweep < sweepEveryNanos) {
            return;
        }
        lastSweep = now;
        for (Iterator<ChatState> it = chats.values().iterator(); it.hasNext(); ) {
            ChatState state = it.next();
            if (state.chatArrival - now <= 0 && state.groupArrival - now <= 0 && state.pausedUntil - now <= 0) {
                it.remove();
            }
        }
    }

    private static long remaining(long until, long now) {
        return Math.max(0, until - now);
    }

    // Clock values are compared by difference so that System.nanoTime's arbitrary origin can't overflow them.
    private static long later(long a, long b) {
        return a - b >= 0 ? a : b;
    }

    /**
     * One token bucket's shape: a token every {@code interval} nanos, up to {@code burst} saved up. Its state is
     * the arrival time at which the bucket would be full again; a send is allowed while that is at most
     * {@code tolerance} = (burst - 1) intervals ahead of now.
     */
    private record Bucket(long interval, long tolerance) {
        // Rounded up so we never send faster than Telegram's limit.
        static Bucket of(double intervalNanos, int burst) {
            long interval = Math.max(1, (long) Math.ceil(intervalNanos));
            return new Bucket(interval, Math.multiplyExact(burst - 1, interval));
        }

        long wait(long arrival, long now) {
            return Math.max(0, later(arrival, now) - now - tolerance);
        }

        long take(long arrival, long now) {
            return later(arrival, now) + interval;
        }

        long fillNanos() {
            return tolerance + interval;
        }
    }

    private static final class ChatState {
        long chatArrival;
        long groupArrival;
        long pausedUntil;

        ChatState(long now) {
            chatArrival = now;
            groupArrival = now;
            pausedUntil = now;
        }
    }
}

package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import supportbot.channel.telegram.SendLimiter.Limits;

class SendLimiterTest {
    private static final long PRIVATE = 1001;
    private static final long OTHER_PRIVATE = 1002;
    private static final long GROUP = -100_1234567890L;
    // ceil(1e9 / 30): the limiter rounds the bot's interval up so it never outpaces Telegram.
    private static final Duration BOT_INTERVAL = Duration.ofNanos(33_333_334);

    // Telegram's published rates with bursts, so that the bucket mechanics (bursts, refills, pauses) show.
    private static final Limits BURSTY = new Limits(30, 30, 1, 3, 20, 3);

    private final FakeClock clock = new FakeClock(0);
    private final SendLimiter limiter = new SendLimiter(BURSTY, clock);

    @Test
    void privateChatGetsABurstOfThreeThenOnePerSecond() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire(PRIVATE), "send " + (i + 1));
        }
        assertEquals(Duration.ofSeconds(1), limiter.tryAcquire(PRIVATE));

        clock.advance(Duration.ofMillis(999));
        assertEquals(Duration.ofMillis(1), limiter.tryAcquire(PRIVATE));

        clock.advance(Duration.ofMillis(1));
        assertEquals(Duration.ZERO, limiter.tryAcquire(PRIVATE));
        assertEquals(Duration.ofSeconds(1), limiter.tryAcquire(PRIVATE));
    }

    @Test
    void idleChatEarnsItsBurstBackButNoMore() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire(PRIVATE);
        }
        clock.advance(Duration.ofMinutes(5));

        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire(PRIVATE), "send " + (i + 1));
        }
        assertEquals(Duration.ofSeconds(1), limiter.tryAcquire(PRIVATE));
    }

    @Test
    void botAllowsThirtyAtOnceAcrossChats() {
        for (int chat = 1; chat <= 30; chat++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire(chat), "chat " + chat);
        }
        Duration wait = limiter.tryAcquire(31);
        assertEquals(BOT_INTERVAL, wait);
        assertTrue(wait.compareTo(Duration.ofMillis(33)) > 0 && wait.compareTo(Duration.ofMillis(34)) < 0);

        clock.advance(wait.minusNanos(1));
        assertEquals(Duration.ofNanos(1), limiter.tryAcquire(31));
        clock.advance(Duration.ofNanos(1));
        assertEquals(Duration.ZERO, limiter.tryAcquire(31));
    }

    @Test
    void groupGetsThreeThenTwentyPerMinute() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire(GROUP), "send " + (i + 1));
        }
        // The chat bucket alone would allow another after 1 s; the group bucket says 3 s.
        assertEquals(Duration.ofSeconds(3), limiter.tryAcquire(GROUP));

        clock.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ofSeconds(2), limiter.tryAcquire(GROUP));

        clock.advance(Duration.ofSeconds(2));
        assertEquals(Duration.ZERO, limiter.tryAcquire(GROUP));
        assertEquals(Duration.ofSeconds(3), limiter.tryAcquire(GROUP));
    }

    @Test
    void groupRateHoldsOverAMinute() {
        int sent = 0;
        for (long t = 0; t < 60_000; t += 100) {
            clock.set(t * 1_000_000);
            if (limiter.tryAcquire(GROUP).isZero()) {
                sent++;
            }
        }
        // Three in the burst, then one every 3 s at 3, 6, ... 57 s.
        assertEquals(3 + 19, sent);
    }

    @Test
    void privateChatsAreNotHeldToTheGroupRate() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire(PRIVATE);
        }
        clock.advance(Duration.ofSeconds(1));

        assertEquals(Duration.ZERO, limiter.tryAcquire(PRIVATE));
    }

    @Test
    void pausingAChatBlocksOnlyThatChat() {
        limiter.pause(PRIVATE, Duration.ofSeconds(5));

        assertEquals(Duration.ofSeconds(5), limiter.tryAcquire(PRIVATE));
        assertEquals(Duration.ZERO, limiter.tryAcquire(OTHER_PRIVATE));
        assertEquals(Duration.ZERO, limiter.tryAcquire(GROUP));

        clock.advance(Duration.ofMillis(4_500));
        assertEquals(Duration.ofMillis(500), limiter.tryAcquire(PRIVATE));

        clock.advance(Duration.ofMillis(500));
        assertEquals(Duration.ZERO, limiter.tryAcquire(PRIVATE));
    }

    @Test
    void pausingEveryoneBlocksAllChats() {
        limiter.pause(null, Duration.ofSeconds(2));

        assertEquals(Duration.ofSeconds(2), limiter.tryAcquire(PRIVATE));
        assertEquals(Duration.ofSeconds(2), limiter.tryAcquire(OTHER_PRIVATE));
        assertEquals(Duration.ofSeconds(2), limiter.tryAcquire(GROUP));

        clock.advance(Duration.ofSeconds(2));
        assertEquals(Duration.ZERO, limiter.tryAcquire(PRIVATE));
        assertEquals(Duration.ZERO, limiter.tryAcquire(GROUP));
    }

    @Test
    void aShorterPauseDoesNotCutALongerOneShort() {
        limiter.pause(PRIVATE, Duration.ofSeconds(10));
        limiter.pause(PRIVATE, Duration.ofSeconds(1));
        limiter.pause(null, Duration.ofSeconds(10));
        limiter.pause(null, Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(2));
        assertEquals(Duration.ofSeconds(8), limiter.tryAcquire(PRIVATE));
        assertEquals(Duration.ofSeconds(8), limiter.tryAcquire(OTHER_PRIVATE));
    }

    @Test
    void pauseIsTheLongestWaitWhenBucketsAreAlsoEmpty() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire(PRIVATE);
        }
        limiter.pause(PRIVATE, Duration.ofMillis(300));
        assertEquals(Duration.ofSeconds(1), limiter.tryAcquire(PRIVATE));

        limiter.pause(PRIVATE, Duration.ofSeconds(4));
        assertEquals(Duration.ofSeconds(4), limiter.tryAcquire(PRIVATE));
    }

    @Test
    void refusedSendsTakeNothingFromTheBotBucket() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire(PRIVATE);
        }
        for (int i = 0; i < 50; i++) {
            assertTrue(limiter.tryAcquire(PRIVATE).compareTo(Duration.ZERO) > 0);
        }
        limiter.pause(OTHER_PRIVATE, Duration.ofSeconds(1));
        for (int i = 0; i < 50; i++) {
            assertTrue(limiter.tryAcquire(OTHER_PRIVATE).compareTo(Duration.ZERO) > 0);
        }

        // The bot spent 3 of its 30: exactly 27 more chats get through.
        for (int chat = 1; chat <= 27; chat++) {
            assertEquals(Duration.ZERO, limiter.tryAcquire(chat), "chat " + chat);
        }
        assertEquals(BOT_INTERVAL, limiter.tryAcquire(28));
    }

    @Test
    void refusedSendsTakeNothingFromTheChatOrGroupBuckets() {
        assertEquals(Duration.ZERO, limiter.tryAcquire(GROUP));
        for (int chat = 1; chat <= 29; chat++) {
            limiter.tryAcquire(chat);
        }
        for (int i = 0; i < 50; i++) {
            assertTrue(limiter.tryAcquire(GROUP).compareTo(Duration.ZERO) > 0, "the bot bucket is empty");
        }

        // One second later the group has spent one of its three tokens and earned back a third of one.
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, limiter.tryAcquire(GROUP));
        assertEquals(Duration.ZERO, limiter.tryAcquire(GROUP));
        assertEquals(Duration.ofSeconds(2), limiter.tryAcquire(GROUP));
    }

    @Test
    void idleChatsDoNotAccumulate() {
        int maxTracked = 0;
        for (long chat = 1; chat <= 10_000; chat++) {
            // Waiting as told must be enough: a limiter that keeps moving the goal fails here instead of hanging.
            Duration wait = limiter.tryAcquire(chat);
            if (!wait.isZero()) {
                clock.advance(wait);
                assertEquals(Duration.ZERO, limiter.tryAcquire(chat), "chat " + chat + " after waiting " + wait);
            }
            maxTracked = Math.max(maxTracked, limiter.trackedChats());
        }
        // About 300: 9 s between sweeps at 30 sends a second, plus the last second's chats still refilling.
        assertTrue(maxTracked < 400, "tracked up to " + maxTracked);

        clock.advance(Duration.ofSeconds(10));
        assertEquals(Duration.ZERO, limiter.tryAcquire(PRIVATE));
        assertEquals(1, limiter.trackedChats());
    }

    @Test
    void expiredPausesAreForgottenToo() {
        for (long chat = 1; chat <= 1_000; chat++) {
            limiter.pause(chat, Duration.ofSeconds(5));
        }
        assertEquals(1_000, limiter.trackedChats());

        clock.advance(Duration.ofSeconds(10));
        limiter.tryAcquire(PRIVATE);
        assertEquals(1, limiter.trackedChats());
    }

    @Test
    void stateStillNeededIsKeptAcrossASweep() {
        limiter.tryAcquire(7);
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire(GROUP);
        }
        clock.advance(Duration.ofSeconds(3));
        assertEquals(Duration.ZERO, limiter.tryAcquire(GROUP));
        limiter.pause(PRIVATE, Duration.ofSeconds(60));

        // 9 s in, a sweep is due: chat 7 is idle, but the group is still a send in debt and PRIVATE is paused.
        clock.advance(Duration.ofSeconds(6));
        limiter.tryAcquire(OTHER_PRIVATE);
        assertEquals(3, limiter.trackedChats(), "GROUP, PRIVATE and OTHER_PRIVATE remain");

        assertEquals(Duration.ZERO, limiter.tryAcquire(GROUP));
        assertEquals(Duration.ZERO, limiter.tryAcquire(GROUP));
        assertEquals(Duration.ofSeconds(3), limiter.tryAcquire(GROUP), "a forgotten group would have had three");
        assertEquals(Duration.ofSeconds(54), limiter.tryAcquire(PRIVATE));
    }

    @Test
    void worksAcrossTheNanoClockWrappingAround() {
        // System.nanoTime may start anywhere, including just below overflow.
        FakeClock wrapping = new FakeClock(Long.MAX_VALUE - 500_000_000L);
        SendLimiter nearOverflow = new SendLimiter(BURSTY, wrapping);
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, nearOverflow.tryAcquire(PRIVATE));
        }
        assertEquals(Duration.ofSeconds(1), nearOverflow.tryAcquire(PRIVATE));
        nearOverflow.pause(null, Duration.ofSeconds(2));

        wrapping.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ofSeconds(1), nearOverflow.tryAcquire(PRIVATE));
        wrapping.advance(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, nearOverflow.tryAcquire(PRIVATE));
    }

    @Test
    void customLimitsAreHonoured() {
        SendLimiter slow = new SendLimiter(new Limits(2, 1, 0.5, 1, 6, 1), clock);

        assertEquals(Duration.ZERO, slow.tryAcquire(PRIVATE));
        assertEquals(Duration.ofSeconds(2), slow.tryAcquire(PRIVATE));
        assertEquals(Duration.ofMillis(500), slow.tryAcquire(OTHER_PRIVATE));
        clock.advance(Duration.ofMillis(500));
        assertEquals(Duration.ZERO, slow.tryAcquire(GROUP));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Duration.ofSeconds(8), slow.tryAcquire(GROUP));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void ratesMustBePositive(double rate) {
        assertThrows(IllegalArgumentException.class, () -> new Limits(rate, 30, 1, 3, 20, 3));
        assertThrows(IllegalArgumentException.class, () -> new Limits(30, 30, rate, 3, 20, 3));
        assertThrows(IllegalArgumentException.class, () -> new Limits(30, 30, 1, 3, rate, 3));
    }

    @Test
    void burstsMustAllowOneSend() {
        assertThrows(IllegalArgumentException.class, () -> new Limits(30, 0, 1, 3, 20, 3));
        assertThrows(IllegalArgumentException.class, () -> new Limits(30, 30, 1, 0, 20, 3));
        assertThrows(IllegalArgumentException.class, () -> new Limits(30, 30, 1, 3, 20, 0));
    }

    @Test
    void nonPositivePausesAreIgnored() {
        limiter.pause(PRIVATE, Duration.ZERO);
        limiter.pause(null, Duration.ofSeconds(-3));

        assertEquals(Duration.ZERO, limiter.tryAcquire(PRIVATE));
    }

    @Test
    void defaultsSpaceEverySendToAChat() {
        SendLimiter strict = new SendLimiter(Limits.telegramDefaults(), clock);
        assertEquals(Duration.ZERO, strict.tryAcquire(PRIVATE));
        Duration wait = strict.tryAcquire(PRIVATE);
        assertTrue(wait.compareTo(Duration.ofSeconds(1)) > 0, "a second send to a chat waits over a second: " + wait);
        clock.advance(Duration.ofSeconds(5));
        assertEquals(Duration.ZERO, strict.tryAcquire(GROUP));
        assertTrue(strict.tryAcquire(GROUP).compareTo(Duration.ofSeconds(3)) > 0, "over 3 s between group sends");
    }

    @Test
    void defaultsNeverExceedTelegramsLimitsAsASlidingWindowCountsThem() {
        saturate(Limits.telegramDefaults(), Duration.ZERO);
    }

    @Test
    void defaultsStillHoldWhenEachSendMayArriveUpToJitterLate() {
        // Telegram sees two sends at most JITTER closer than we sent them (the first held up on its way, the
        // second not), so windows longer by JITTER on our clock stand for Telegram's on its own.
        saturate(Limits.telegramDefaults(), JITTER);
    }

    @Test
    void theCheckCatchesBurstsAndRatesWithNoRoomForJitter() {
        // What the limiter did before: Telegram's rates with bursts. A sliding window refuses the bursts.
        assertWindowExceeded(() -> saturate(BURSTY, Duration.ZERO));
        // Telegram's rates with no burst fit the window exactly, and not a millisecond of lateness more.
        Limits exact = new Limits(30, 1, 1, 1, 20, 1);
        saturate(exact, Duration.ZERO);
        assertWindowExceeded(() -> saturate(exact, Duration.ofMillis(1)));
    }

    private static void assertWindowExceeded(org.junit.jupiter.api.function.Executable run) {
        AssertionError e = assertThrows(AssertionError.class, run);
        assertTrue(e.getMessage().contains(" within "), e.getMessage());
    }

    // What telegramDefaults() allows for, stated here so that a change to the defaults shows in this test.
    private static final Duration JITTER = Duration.ofMillis(110);

    /**
     * Many private chats and groups that always have something to send, each sending the moment the limiter
     * lets it, for two simulated minutes; windows as FakeBotApi (and Telegram) count them check every send.
     */
    private static void saturate(Limits limits, Duration jitter) {
        FakeClock clock = new FakeClock(0);
        SendLimiter limiter = new SendLimiter(limits, clock);
        long second = Duration.ofSeconds(1).plus(jitter).toNanos();
        long minute = Duration.ofMinutes(1).plus(jitter).toNanos();
        var bot = new SlidingWindow("the bot", 30, second);
        Map<Long, SlidingWindow> perChat = new HashMap<>();
        Map<Long, SlidingWindow> perGroup = new HashMap<>();
        List<Long> chats = new ArrayList<>();
        for (long chat = 1; chat <= 100; chat++) {
            chats.add(chat);
        }
        for (long group = 1; group <= 5; group++) {
            chats.add(-100_0000000000L - group);
        }
        var random = new java.util.Random(7);
        int sent = 0;
        long end = Duration.ofMinutes(2).toNanos();
        while (clock.getAsLong() < end) {
            long soonest = Long.MAX_VALUE;
            // In a new order each time, so the bot's slots reach every chat and a chat can win two in a row.
            java.util.Collections.shuffle(chats, random);
            for (long chat : chats) {
                Duration wait;
                while ((wait = limiter.tryAcquire(chat)).isZero()) {
                    long now = clock.getAsLong();
                    bot.add(now);
                    perChat.computeIfAbsent(chat, c -> new SlidingWindow("chat " + c, 1, second)).add(now);
                    if (chat < 0) {
                        perGroup.computeIfAbsent(chat, c -> new SlidingWindow("group " + c, 20, minute)).add(now);
                    }
                    sent++;
                }
                soonest = Math.min(soonest, wait.toNanos());
            }
            clock.advance(Duration.ofNanos(soonest));
        }
        // Otherwise the windows could hold simply because little was sent.
        assertTrue(sent >= 120 * limits.perBotPerSecond() - 1, "the bot's rate was used: " + sent + " sends");
        assertEquals(5, perGroup.size(), "every group sent");
    }

    /** Fails on a send beyond the limit within the window, counted as FakeBotApi.floodCheck counts (end exclusive). */
    private static final class SlidingWindow {
        private final String who;
        private final int limit;
        private final long windowNanos;
        private final ArrayDeque<Long> times = new ArrayDeque<>();

        SlidingWindow(String who, int limit, long windowNanos) {
            this.who = who;
            this.limit = limit;
            this.windowNanos = windowNanos;
        }

        void add(long now) {
            while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
                times.removeFirst();
            }
            if (times.size() >= limit) {
                fail(who + ": send " + (limit + 1) + " within " + Duration.ofNanos(windowNanos) + " at "
                        + Duration.ofNanos(now) + ", the first at " + Duration.ofNanos(times.peekFirst()));
            }
            times.addLast(now);
        }
    }

    private static final class FakeClock implements java.util.function.LongSupplier {
        private long nanos;

        FakeClock(long start) {
            nanos = start;
        }

        void advance(Duration by) {
            nanos += by.toNanos();
        }

        void set(long at) {
            nanos = at;
        }

        @Override
        public long getAsLong() {
            return nanos;
        }
    }
}

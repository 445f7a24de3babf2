package supportbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One user's slow Discord call (making their private thread) never holds up anyone else's interactions. */
class DiscordSlowCallsTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final long OTHER_USER = 700000000000000042L;

    @TempDir
    Path dir;
    private FakeDiscord fake;
    private DiscordTestBot t;

    @AfterEach
    void close() {
        if (t != null) {
            t.close();
        }
        if (fake != null) {
            fake.close();
        }
    }

    @Test
    void interactionsAreAcknowledgedWithinASecondWhileAnotherUsersThreadTakesTenSeconds() throws Exception {
        fake = FakeDiscord.start();
        fake.addMember(OTHER_USER, "dave");
        t = new DiscordTestBot(dir, fake, null);
        var slowThread = fake.holdNext("POST", "channels/" + FakeDiscord.SUPPORT_CHANNEL_ID + "/threads", Duration.ofSeconds(10));

        fake.userMessage(FakeDiscord.SUPPORT_CHANNEL_ID, FakeDiscord.CUSTOMER_ID, "My withdrawal has been pending for hours");
        slowThread.awaitReached(WAIT);
        fake.userMessage(FakeDiscord.SUPPORT_CHANNEL_ID, FakeDiscord.CUSTOMER_ID, "It was 100 USDT");

        // While alice's thread is being made, dave's slash command and his DM are served at once.
        long dm = fake.dmChannelId(OTHER_USER);
        String help = fake.slashCommand(dm, OTHER_USER, "help", Map.of());
        var ack = fake.awaitCallback(help, Duration.ofSeconds(5));
        assertTrue(ack.millisAfterDispatch() < 1000, "acknowledged after " + ack.millisAfterDispatch() + " ms");
        fake.directMessage(OTHER_USER, "How do I change the app language?");
        fake.awaitSent(s -> s.channelId() == dm && s.content() != null && !s.content().equals("✓"), WAIT);
        assertEquals(0, fake.threadsCreated().size(), "alice's thread is still being made");

        slowThread.release();
        fake.awaitCondition(() -> fake.threadsCreated().size() == 1, WAIT, "alice's thread");
        long thread = fake.threadsCreated().get(0).path("id").asLong();
        assertFalse(fake.threadsCreated().get(0).path("thread_metadata").path("invitable").asBoolean(true),
                "a private thread nobody else can be invited to: " + fake.threadsCreated().get(0));
        String key = DiscordKeys.thread(thread);
        fake.awaitCondition(() -> t.bot.store.stored(key).map(s -> s.conversation().turns() >= 2).orElse(false), WAIT,
                "both of alice's messages handled in her thread");
        assertEquals(1, fake.threadsCreated().size(), "one thread for both messages");
        assertTrue(fake.lateCallbacks().isEmpty(), "every interaction acknowledged in time");
    }
}

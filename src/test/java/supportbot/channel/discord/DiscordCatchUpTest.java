package supportbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a non-resumable gateway drop, what users wrote meanwhile is read from history and answered, once. */
class DiscordCatchUpTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long USER = FakeDiscord.CUSTOMER_ID;

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
    void aMessageSentWhileTheSessionWasReplacedIsTakenFromHistory() throws Exception {
        fake = FakeDiscord.start();
        t = new DiscordTestBot(dir, fake, null);
        long dm = fake.dmChannelId(USER);
        fake.directMessage(USER, "How do I change the app language or display currency?");
        fake.awaitSent(s -> s.channelId() == dm, WAIT);
        int identified = fake.identifyCount();

        long lost = fake.lostMessage(dm, USER, "/help"); // never dispatched: only the history has it
        fake.dropConnection(4000); // the fake refuses every RESUME: JDA identifies anew
        fake.awaitCondition(() -> fake.identifyCount() > identified, WAIT, "a new session");
        var help = fake.awaitSent(s -> s.channelId() == dm && s.content() != null && s.content().contains("I can:"), WAIT);
        assertTrue(help.messageId() > lost);
        String key = DiscordKeys.dm(USER);
        assertTrue(t.bot.store.stored(key).orElseThrow().hasSeen("m" + lost), "recorded under its message id");

        // A second new session reads the same history again: nothing is handled twice.
        int again = fake.identifyCount();
        fake.dropConnection(4000);
        fake.awaitCondition(() -> fake.identifyCount() > again, WAIT, "another new session");
        fake.directMessage(USER, "/status");
        fake.awaitSent(s -> s.channelId() == dm && s.messageId() > help.messageId() && s.content() != null
                && !s.content().contains("I can:"), WAIT);
        assertEquals(1, fake.sentTo(dm).stream().filter(s -> s.content() != null && s.content().contains("I can:")).count());
    }
}

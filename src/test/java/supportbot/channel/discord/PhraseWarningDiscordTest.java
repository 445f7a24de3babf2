package supportbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.safety.TestPhrases;

/** A whole recovery phrase sent on Discord: one honest warning, and each message deleted at most once. */
class PhraseWarningDiscordTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long USER = FakeDiscord.CUSTOMER_ID;
    private static final String PHRASE = String.join(" ", TestPhrases.words("english", 12, 77));

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

    private void start() throws Exception {
        fake = FakeDiscord.start();
        t = new DiscordTestBot(dir, fake, null);
    }

    @Test
    void inADirectMessageTheUserIsAskedToDeleteItThemselves() throws Exception {
        start();
        long dm = fake.dmChannelId(USER);
        fake.directMessage(USER, PHRASE);
        var warning = fake.awaitSent(s -> s.channelId() == dm && s.content() != null && s.content().contains("recovery phrase"),
                WAIT);
        assertTrue(warning.content().contains("please delete it yourself now"), warning.content());
        assertFalse(warning.content().contains("I removed your message"), "a bot cannot delete it in a DM: " + warning.content());
        // The sentinel: the answer to a later /help comes after everything the phrase caused (one lane per user).
        fake.directMessage(USER, "/help");
        var help = fake.awaitSent(s -> s.channelId() == dm && s.content() != null && s.content().contains("I can:"), WAIT);
        assertTrue(fake.deletedMessages().stream().noneMatch(d -> d[0] == dm), "nothing deleted (nor tried) in the DM");
        List<FakeDiscord.Sent> toPhrase = fake.sentTo(dm).stream().filter(s -> s.messageId() < help.messageId()).toList();
        assertEquals(1, toPhrase.size(), "the warning is the only answer to the phrase: " + toPhrase);
    }

    @Test
    void inTheSupportChannelOneWarningAndOneDelete() throws Exception {
        start();
        long posted = fake.userMessage(FakeDiscord.SUPPORT_CHANNEL_ID, USER, PHRASE);
        fake.awaitCondition(() -> !fake.threadsCreated().isEmpty(), WAIT, "the user's thread");
        long thread = fake.threadsCreated().get(0).path("id").asLong();
        var warning = fake.awaitSent(s -> s.channelId() == thread && s.content() != null
                && s.content().contains("I removed your message"), WAIT);
        fake.userMessage(thread, USER, "/help");
        var help = fake.awaitSent(s -> s.channelId() == thread && s.content() != null && s.content().contains("I can:"), WAIT);
        List<FakeDiscord.Sent> before = fake.sentTo(thread).stream().filter(s -> s.messageId() < help.messageId()).toList();
        assertEquals(1, before.size(), "one reply to the phrase, the warning: " + before);
        assertEquals(1, fake.deletedMessages().stream().filter(d -> d[1] == posted).count(), "deleted once");
        assertTrue(fake.restCalls().stream().noneMatch(c -> c.method().equals("DELETE") && c.status() >= 400),
                "no failed second delete: " + fake.restCalls());
    }
}

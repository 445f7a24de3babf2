package supportbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discord components: Discord only delivers components the bot sent, but an old message's button is still
 * pressable. Only the buttons the conversation is offered now act.
 */
class DiscordForgedButtonsTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final long USER = FakeDiscord.CUSTOMER_ID;
    static final String INVALID = "This button is no longer valid";

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

    private long invalidNotices(long channel) {
        return fake.sent().stream().filter(s -> s.channelId() == channel && s.content() != null
                && s.content().startsWith(INVALID)).count();
    }

    private static String idFor(FakeDiscord.Sent message, String payload) {
        return message.customIds().stream().filter(id -> id.startsWith(payload + "~")).findFirst().orElseThrow();
    }

    @Test
    void anOldForgetButtonNoLongerOfferedErasesNothing() throws Exception {
        fake = FakeDiscord.start();
        t = new DiscordTestBot(dir, fake, null);
        fake.directMessage(USER, "/forget");
        long dm = fake.dmChannelId(USER);
        var prompt = fake.awaitSent(s -> s.channelId() == dm && DiscordFlowsTest.payloads(s).contains("forget:yes"), WAIT);
        // Disabling the answered prompt fails (as for a message from before a restart): its button stays pressable.
        fake.failNext("PATCH", "channels/" + dm + "/messages/" + prompt.messageId(), 403, 50001, "Missing Access");
        fake.directMessage(USER, "/start");
        var greeting = fake.awaitSent(s -> s.channelId() == dm && DiscordFlowsTest.payloads(s).contains("report"), WAIT);
        String key = DiscordKeys.dm(USER);

        // Correctly signed for this conversation, but the conversation has moved on: not offered any more.
        fake.buttonPress(dm, USER, prompt.messageId(), idFor(prompt, "forget:yes"));
        fake.awaitCondition(() -> invalidNotices(dm) == 1, WAIT, "the refusal");
        assertTrue(t.bot.store.conversation(key).isPresent(), "not erased");
        assertEquals("/forget", t.bot.store.transcript(key, 0).get(0).text(), "what was said is still there");

        fake.buttonPress(dm, USER, greeting.messageId(), idFor(greeting, "report"));
        fake.awaitSent(s -> s.channelId() == dm && DiscordFlowsTest.payloads(s).stream().anyMatch(p -> p.startsWith("cat:")),
                WAIT);
        assertEquals(1, invalidNotices(dm), "the offered button works");
    }
}

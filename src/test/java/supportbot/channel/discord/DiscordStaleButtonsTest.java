package supportbot.channel.discord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Buttons of answered messages are disabled, whether answered by typing or by pressing. */
class DiscordStaleButtonsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
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

    private static boolean allDisabled(JsonNode message) {
        var buttons = message.path("components").findParents("custom_id");
        return !buttons.isEmpty() && buttons.stream().allMatch(b -> b.path("disabled").asBoolean(false));
    }

    @Test
    void answeredMessagesLoseTheirButtonsAndAStalePressIsRefused() throws Exception {
        fake = FakeDiscord.start();
        t = new DiscordTestBot(dir, fake, null);
        long dm = fake.dmChannelId(USER);
        fake.directMessage(USER, "How do I change the app language or display currency?");
        var first = fake.awaitSent(s -> s.channelId() == dm && !s.customIds().isEmpty(), WAIT);
        assertFalse(allDisabled(fake.message(first.messageId()).orElseThrow()), "fresh buttons are live");

        // Answered by typing: the old message's buttons are disabled as the next reply goes out.
        fake.directMessage(USER, "/start");
        var second = fake.awaitSent(s -> s.channelId() == dm && s.messageId() > first.messageId() && !s.customIds().isEmpty(),
                WAIT);
        fake.awaitCondition(() -> allDisabled(fake.message(first.messageId()).orElseThrow()), WAIT, "old buttons disabled");

        // Answered by pressing: the acknowledgement itself disables what was pressed.
        String press = fake.buttonPress(dm, USER, second.messageId(), second.customIds().get(0));
        var ack = fake.awaitCallback(press, WAIT);
        assertTrue(ack.type() == 7 && allDisabled(ack.body().path("data")), "pressed and disabled at once: " + ack.body());
        // (A stale button whose disabling failed is refused in words: DiscordForgedButtonsTest.)
        assertTrue(fake.lateCallbacks().isEmpty());
    }
}

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

/**
 * Slash commands are answered in the interaction: deferred at once (type 5), then the deferred reply is filled with
 * the bot's answer (PATCH webhooks/{app}/{token}/messages/@original), never an empty "✓" plus a second message.
 */
class DiscordInteractionAnswersTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final long USER = FakeDiscord.CUSTOMER_ID;

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
    void aCommandInADirectMessageIsAnsweredInTheDeferredReply() throws Exception {
        start();
        // The users' commands exist in DMs (global, DM context only); staff commands only in the server.
        fake.awaitCondition(() -> fake.commandsRegistered().stream().anyMatch(c -> !c.hasNonNull("guild_id")
                && c.path("name").asText().equals("status")), WAIT, "global commands");
        var global = fake.commandsRegistered().stream().filter(c -> !c.hasNonNull("guild_id")).toList();
        assertTrue(global.stream().allMatch(c -> c.path("contexts").size() == 1 && c.path("contexts").get(0).asInt() == 1), global.toString());
        assertTrue(global.stream().noneMatch(c -> c.path("name").asText().equals("claim")), "no staff command in DMs");
        long dm = fake.dmChannelId(USER);
        String status = fake.slashCommand(dm, USER, "status", Map.of());
        var ack = fake.awaitCallback(status, WAIT);
        assertEquals(5, ack.type(), "deferred at once: " + ack.body());
        assertFalse(ack.late());
        assertEquals(0, ack.body().path("data").path("flags").asInt(0) & 64, "the answer is not hidden from the user");
        var answer = fake.awaitSent(s -> s.channelId() == dm && s.source() == FakeDiscord.Source.DEFERRED_REPLY, WAIT);
        assertTrue(answer.content().contains("no open ticket"), answer.content());

        // Then the help command: its answer fills its own deferred reply as well. Its arrival is the sentinel that
        // everything the first command caused has gone out.
        String help = fake.slashCommand(dm, USER, "help", Map.of());
        assertEquals(5, fake.awaitCallback(help, WAIT).type());
        fake.awaitSent(s -> s.channelId() == dm && s.source() == FakeDiscord.Source.DEFERRED_REPLY
                && s.messageId() != answer.messageId(), WAIT);
        assertEquals(0, fake.sentTo(dm).stream().filter(s -> s.source() == FakeDiscord.Source.CHANNEL).count(),
                "no second message beside the interaction: " + fake.sentTo(dm));
        assertTrue(fake.sent().stream().noneMatch(s -> "✓".equals(s.content())), "no empty acknowledgement");
        assertTrue(fake.lateCallbacks().isEmpty());
    }

    @Test
    void aRateLimitedEditStillFillsTheDeferredReplyAfterRetryAfter() throws Exception {
        start();
        fake.rateLimitNext("PATCH", "webhooks/\\d+/[^/]+/messages/@original", 1.0);
        long dm = fake.dmChannelId(USER);
        String status = fake.slashCommand(dm, USER, "status", Map.of());
        assertFalse(fake.awaitCallback(status, WAIT).late());
        var answer = fake.awaitSent(s -> s.channelId() == dm && s.source() == FakeDiscord.Source.DEFERRED_REPLY, WAIT);
        assertTrue(answer.content().contains("no open ticket"), answer.content());
        assertEquals(1, fake.rateLimited().stream().filter(r -> r.startsWith("PATCH webhooks/")).count(),
                "the 429 was met and waited out: " + fake.rateLimited());
        assertEquals(0, fake.sentTo(dm).stream().filter(s -> s.source() == FakeDiscord.Source.CHANNEL).count(),
                "the retry did not fall back to a second message");
    }

    @Test
    void aRateLimitedAcknowledgementIsRetriedWithinTheThreeSeconds() throws Exception {
        start();
        fake.rateLimitNext("POST", "interactions/\\d+/[^/]+/callback", 1.0);
        long dm = fake.dmChannelId(USER);
        String status = fake.slashCommand(dm, USER, "status", Map.of());
        var ack = fake.awaitCallback(status, WAIT);
        assertEquals(5, ack.type());
        assertFalse(ack.late(), "acknowledged after " + ack.millisAfterDispatch() + " ms");
        assertTrue(ack.millisAfterDispatch() >= 900, "Retry-After was waited out: " + ack.millisAfterDispatch() + " ms");
        assertEquals(1, fake.rateLimited().stream().filter(r -> r.startsWith("POST interactions/")).count());
        var answer = fake.awaitSent(s -> s.channelId() == dm && s.source() == FakeDiscord.Source.DEFERRED_REPLY, WAIT);
        assertTrue(answer.content().contains("no open ticket"), answer.content());
    }

    @Test
    void aCommandInThePublicChannelSaysPrivatelyWhereTheAnswerIs() throws Exception {
        start();
        String status = fake.slashCommand(FakeDiscord.SUPPORT_CHANNEL_ID, USER, "status", Map.of());
        var ack = fake.awaitCallback(status, WAIT);
        assertEquals(5, ack.type());
        assertEquals(64, ack.body().path("data").path("flags").asInt(0) & 64, "ephemeral in a public channel");
        fake.awaitCondition(() -> !fake.threadsCreated().isEmpty(), WAIT, "the user's private thread");
        long thread = fake.threadsCreated().get(0).path("id").asLong();
        var pointer = fake.awaitSent(s -> s.source() == FakeDiscord.Source.DEFERRED_REPLY, WAIT);
        assertTrue(pointer.ephemeral(), "only the user reads it");
        assertTrue(pointer.content().contains("<#" + thread + ">"), pointer.content());
        var answer = fake.awaitSent(s -> s.channelId() == thread && s.content() != null
                && s.content().contains("no open ticket"), WAIT);
        assertEquals(FakeDiscord.Source.CHANNEL, answer.source(), "personal answers stay in the private thread");
        assertTrue(fake.sentTo(FakeDiscord.SUPPORT_CHANNEL_ID).stream().noneMatch(s -> !s.ephemeral()),
                "nothing public in the support channel");
    }

    @Test
    void aChineseClientIsPointedToItsThreadInChinese() throws Exception {
        start();
        fake.userLocale(USER, "zh-CN");
        String status = fake.slashCommand(FakeDiscord.SUPPORT_CHANNEL_ID, USER, "status", Map.of());
        fake.awaitCallback(status, WAIT);
        var pointer = fake.awaitSent(s -> s.source() == FakeDiscord.Source.DEFERRED_REPLY, WAIT);
        assertTrue(pointer.content().startsWith("我在您的私密帖子中回复您"), pointer.content());
    }
}

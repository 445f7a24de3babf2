package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.channel.telegram.TelegramFlowsTest.WAIT;
import static supportbot.channel.telegram.TelegramFlowsTest.to;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.store.TranscriptLine;

/** One slow Bot API call holds up its own chat only: other chats are answered meanwhile, one chat keeps its order. */
class TelegramSlowCallsTest {
    private static final long SLOW = 6101;
    private static final long OTHER = 6102;
    private static final long THIRD = 6103;
    private static final Duration PROMPT = Duration.ofSeconds(1);

    @TempDir
    Path dir;
    private TelegramTestBot t;

    @AfterEach
    void close() {
        if (t != null) {
            t.fake.release("getFile");
            t.fake.release("createForumTopic");
            t.close();
        }
    }

    /** A cold JVM's first reply is slow for reasons of its own: the measured replies are not the first. */
    private void warmUp() {
        t.fake.userText(THIRD + 1, "/help");
        t.fake.awaitSent(to(THIRD + 1, "/human"), WAIT);
    }

    @Test
    void aHangingFileDownloadDelaysNoOtherChatAndItsOwnChatKeepsOrder() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        warmUp();
        t.fake.hold("getFile");
        t.fake.userPhoto(SLOW, "slow-photo", "png-bytes".getBytes(), "my error screen");
        t.fake.awaitCondition(() -> t.fake.hanging("getFile") == 1, WAIT, "the download hanging");
        t.fake.userText(SLOW, "and one more thing");

        long asked = System.nanoTime();
        t.fake.userText(OTHER, "/help");
        t.fake.userText(THIRD, "/help");
        var first = t.fake.awaitSent(to(OTHER, "/human"), WAIT);
        var second = t.fake.awaitSent(to(THIRD, "/human"), WAIT);
        assertTrue(first.atNanos() - asked < PROMPT.toNanos(), "answered after " + (first.atNanos() - asked) / 1_000_000 + " ms");
        assertTrue(second.atNanos() - asked < PROMPT.toNanos(), "answered after " + (second.atNanos() - asked) / 1_000_000 + " ms");
        assertEquals(1, t.fake.hanging("getFile"), "the download was still hanging while the others were answered");
        assertTrue(t.bot.store.transcript(TelegramKeys.privateChat(SLOW), 0).isEmpty(),
                "the slow chat's second message waits behind its first");

        t.fake.release("getFile");
        t.awaitQuiet();
        var userLines = t.bot.store.transcript(TelegramKeys.privateChat(SLOW), 0).stream()
                .filter(l -> l.from().equals("user")).map(TranscriptLine::text).toList();
        assertEquals(2, userLines.size(), userLines.toString());
        assertTrue(userLines.get(0).contains("my error screen"), userLines.toString());
        assertTrue(userLines.get(1).contains("one more thing"), userLines.toString());
    }

    @Test
    void aHangingTopicCreationDelaysNoUsersReply() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        warmUp();
        t.fake.hold("createForumTopic");
        t.fake.userText(SLOW, "I want to talk to a human about my account");
        t.fake.awaitCondition(() -> t.fake.hanging("createForumTopic") == 1, WAIT, "the topic creation hanging");

        long asked = System.nanoTime();
        t.fake.userText(OTHER, "/help");
        var reply = t.fake.awaitSent(to(OTHER, "/human"), WAIT);
        assertTrue(reply.atNanos() - asked < PROMPT.toNanos(), "answered after " + (reply.atNanos() - asked) / 1_000_000 + " ms");
        assertEquals(1, t.fake.hanging("createForumTopic"), "the topic creation was still hanging");

        t.fake.release("createForumTopic");
        t.fake.awaitCondition(() -> !t.fake.topics().isEmpty(), WAIT, "the topic created once released");
    }
}

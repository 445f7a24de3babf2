package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.channel.telegram.TelegramFlowsTest.WAIT;
import static supportbot.channel.telegram.TelegramFlowsTest.callbacks;
import static supportbot.channel.telegram.TelegramFlowsTest.press;
import static supportbot.channel.telegram.TelegramFlowsTest.to;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.Phase;

/** A button on an older answer does not act on the newest one; pressed keyboards are taken away. */
class TelegramStaleButtonsTest {
    private static final long USER = 7301;

    @TempDir
    Path dir;
    private TelegramTestBot t;

    @AfterEach
    void close() {
        if (t != null) {
            t.close();
        }
    }

    /** The message asking whether an answer helped; BM25 alone may first offer a "did you mean" pick. */
    private FakeBotApi.Sent answerTo(String question, String faqId, long afterMessage) {
        t.fake.userText(USER, question);
        var first = t.fake.awaitSent(s -> s.chatId() == USER && s.messageId() > afterMessage
                && (callbacks(s).contains("faq:pick:" + faqId) || callbacks(s).contains("faq:no")), WAIT);
        if (callbacks(first).contains("faq:pick:" + faqId)) {
            press(t.fake, USER, first, "faq:pick:" + faqId);
            return t.fake.awaitSent(s -> s.chatId() == USER && s.messageId() > first.messageId()
                    && callbacks(s).contains("faq:no"), WAIT);
        }
        return first;
    }

    @Test
    void stillNeedHelpOnAnOlderAnswerIsRefusedAndTheNewestAnswerIsUntouched() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        String key = TelegramKeys.privateChat(USER);
        var older = answerTo("How do I change the app language or display currency?", "language-settings", 0);
        String olderFaq = t.bot.store.conversation(key).orElseThrow().offeredFaqId();
        var newer = answerTo("My withdrawal to the exchange has been pending for hours", "transfer-pending", older.messageId());
        assertNotEquals(older.messageId(), newer.messageId());
        String newerFaq = t.bot.store.conversation(key).orElseThrow().offeredFaqId();
        assertNotEquals(olderFaq, newerFaq, "two different answers are on screen");
        t.awaitQuiet();

        press(t.fake, USER, older, "faq:no");
        t.fake.awaitSent(to(USER, "This button is no longer valid"), WAIT);
        t.awaitQuiet();
        var c = t.bot.store.conversation(key).orElseThrow();
        assertEquals(Phase.FAQ_OFFERED, c.phase(), "the newest answer still waits for its vote");
        assertEquals(newerFaq, c.offeredFaqId());
        assertEquals(null, t.bot.store.faqVotes().get(newerFaq), "no vote against the newest answer");
        assertTrue(t.fake.edits().stream().anyMatch(e -> e.method().equals("editMessageReplyMarkup")
                && e.messageId() == older.messageId()), "the refused keyboard is taken away");

        press(t.fake, USER, newer, "faq:yes");
        t.fake.awaitSent(to(USER, "Glad that helped"), WAIT);
        t.fake.awaitCondition(() -> t.fake.edits().stream().anyMatch(e -> e.method().equals("editMessageReplyMarkup")
                && e.messageId() == newer.messageId()), WAIT, "the answered keyboard taken away");
    }
}

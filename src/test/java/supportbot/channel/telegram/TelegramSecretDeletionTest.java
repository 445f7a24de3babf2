package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.channel.telegram.TelegramFlowsTest.WAIT;
import static supportbot.channel.telegram.TelegramFlowsTest.to;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.safety.TestPhrases;

/** After a pasted recovery phrase the user hears the truth about whether it is gone from the chat. */
class TelegramSecretDeletionTest {
    private static final long USER = 7201;

    @TempDir
    Path dir;
    private TelegramTestBot t;

    @AfterEach
    void close() {
        if (t != null) {
            t.close();
        }
    }

    private String phrase() {
        return String.join(" ", TestPhrases.words("english", 12, 33));
    }

    @Test
    void aDeletedPhraseIsReportedDeleted() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        long update = t.fake.userText(USER, "my seed is " + phrase());
        t.fake.awaitSent(to(USER, "also deleted from this chat"), WAIT);
        t.awaitQuiet();
        assertEquals(1, t.fake.deletions().size(), "the message was deleted");
        assertTrue(t.fake.sentTo(USER).stream().noneMatch(s -> s.text().contains("did not let me delete")), "update " + update);
    }

    @Test
    void theTicketsTopicIsToldThatThePhraseWasExposedAndWhetherItIsGone() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        String key = TelegramKeys.privateChat(USER);
        t.fake.userText(USER, "I want to talk to a human about my account");
        t.fake.awaitCondition(() -> t.bot.store.conversation(key).map(c -> c.phase() == supportbot.dialogue.Phase.WITH_TICKET)
                .orElse(false), WAIT, "ticket open");
        long number = t.bot.store.conversation(key).orElseThrow().ticketNumber();
        var card = t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF
                && TelegramFlowsTest.callbacks(s).contains("desk:claim:" + number), WAIT);
        t.fake.refuseDeletes(true);
        String phrase = phrase();
        t.fake.userText(USER, "here it is " + phrase);
        var line = t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && s.text().contains("recovery phrase"), WAIT);
        assertEquals(card.threadId(), line.threadId(), "in the ticket's topic");
        assertTrue(line.text().contains("did not let the bot delete it"), line.text());
        t.awaitQuiet();
        assertTrue(t.fake.sentTo(TelegramTestBot.STAFF).stream().noneMatch(s -> s.text().contains(phrase.split(" ")[3] + " "
                + phrase.split(" ")[4])), "no piece of the phrase reaches the staff");
    }

    @Test
    void aPhraseTelegramWillNotDeleteIsReportedStillThereInTheUsersLanguage() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        t.fake.refuseDeletes(true);
        t.fake.userText(USER, "my seed is " + phrase());
        t.fake.awaitSent(to(USER, "did not let me delete that message"), WAIT);
        t.awaitQuiet();
        assertTrue(t.fake.sentTo(USER).stream().noneMatch(s -> s.text().contains("also deleted from this chat")));

        long zh = USER + 1;
        t.fake.userText(zh, "我的助记词是 " + phrase(), "zh");
        t.fake.awaitSent(to(zh, "请您现在自行删除"), WAIT);
    }
}

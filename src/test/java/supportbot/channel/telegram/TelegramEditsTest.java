package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.channel.telegram.TelegramFlowsTest.WAIT;
import static supportbot.channel.telegram.TelegramFlowsTest.callbacks;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.Phase;

/** A user's edit of a message reaches the ticket, marked as an edit. */
class TelegramEditsTest {
    private static final long USER = 7501;

    @TempDir
    Path dir;
    private TelegramTestBot t;

    @AfterEach
    void close() {
        if (t != null) {
            t.close();
        }
    }

    @Test
    void anEditedMessageShowsUpInTheTicketsTopic() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        String key = TelegramKeys.privateChat(USER);
        t.fake.userText(USER, "I want to talk to a human about my account");
        t.fake.awaitCondition(() -> t.bot.store.conversation(key).map(c -> c.phase() == Phase.WITH_TICKET).orElse(false),
                WAIT, "ticket open");
        long number = t.bot.store.conversation(key).orElseThrow().ticketNumber();
        var card = t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && callbacks(s).contains("desk:claim:" + number), WAIT);

        t.fake.userText(USER, "It happened on my old phone");
        t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && s.text().contains("It happened on my old phone"), WAIT);
        t.fake.userEdit(USER, 3, "It happened on my new phone");
        var line = t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && s.text().contains("It happened on my new phone"), WAIT);
        assertTrue(line.text().contains("(edited)"), line.text());
        assertTrue(line.threadId() != null && line.threadId().equals(card.threadId()), "in the ticket's topic");
    }
}

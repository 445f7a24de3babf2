package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.Phase;
import supportbot.safety.TestPhrases;

/** An agent's edit in the staff topic edits the user's copy (editMessageText); a phrase in an edit never reaches them. */
class TelegramAgentEditsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long USER = 4343;
    private static final String PHRASE = String.join(" ", TestPhrases.words("english", 12, 95));

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
    void anAgentsEditReachesTheUsersCopyAndAPhraseInAnEditDoesNot() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        String key = TelegramKeys.privateChat(USER);
        t.fake.userText(USER, "I want to talk to a human about my account");
        t.fake.awaitCondition(() -> t.bot.store.conversation(key).map(c -> c.phase() == Phase.WITH_TICKET).orElse(false),
                WAIT, "ticket open");
        long number = t.bot.store.conversation(key).orElseThrow().ticketNumber();
        var card = t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF
                && FakeBotApi.payloads(s).contains("desk:claim:" + number), WAIT);
        int thread = card.threadId();
        TelegramFlowsTest.press(t.fake, TelegramTestBot.ALICE_TG, card, "desk:claim:" + number);
        t.fake.awaitCondition(() -> "alice".equals(t.bot.store.ticket(number).orElseThrow().assignee()), WAIT, "claimed");

        long staffMessage = t.fake.topicMessage(TelegramTestBot.STAFF, thread, TelegramTestBot.ALICE_TG, "Please restart the app");
        var copy = t.fake.awaitSent(s -> s.chatId() == USER && s.text() != null && s.text().contains("Please restart the app"), WAIT);
        t.fake.awaitCondition(() -> t.bot.store.surfaceState(RelayedReplies.RELAY + staffMessage, RelayedReplies.RelayedCopy.class)
                .isPresent(), WAIT, "the copy recorded");
        t.fake.topicEdit(TelegramTestBot.STAFF, thread, TelegramTestBot.ALICE_TG, staffMessage, "Please update the app first");
        t.fake.awaitCondition(() -> t.fake.edits().stream().anyMatch(e -> e.chatId() == USER && e.messageId() == copy.messageId()
                && e.text().contains("Please update the app first")), WAIT, "the user's copy edited");
        var edit = t.fake.edits().stream().filter(e -> e.chatId() == USER && e.messageId() == copy.messageId()).findFirst().orElseThrow();
        assertTrue(edit.text().startsWith(copy.text().substring(0, copy.text().indexOf("Please"))), "the agent's name stays: " + edit.text());
        t.fake.awaitCondition(() -> t.bot.store.ticket(number).orElseThrow().events().stream()
                .anyMatch(e -> e.type() == supportbot.ticket.TicketEvent.Type.REPLY_EDITED), WAIT, "the edit in the ticket");

        t.fake.topicEdit(TelegramTestBot.STAFF, thread, TelegramTestBot.ALICE_TG, staffMessage, PHRASE);
        t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && s.text() != null
                && s.text().contains("the user keeps the earlier wording"), WAIT);
        t.awaitQuiet();
        assertTrue(t.fake.edits().stream().noneMatch(e -> e.chatId() == USER && e.text().contains(PHRASE.split(" ")[5])),
                "no phrase reaches the user");
    }
}

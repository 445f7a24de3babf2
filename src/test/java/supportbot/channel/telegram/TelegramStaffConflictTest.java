package supportbot.channel.telegram;

import supportbot.ticket.TicketEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.Phase;

/** In the staff forum, an agent who is too late to claim is told who holds the ticket, and nothing changes. */
class TelegramStaffConflictTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final long USER = 6161;

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
    void theSecondClaimIsAnsweredWithTheHolder() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        String key = TelegramKeys.privateChat(USER);
        t.fake.userText(USER, "I want to talk to a human about my account");
        t.fake.awaitCondition(() -> t.bot.store.conversation(key).map(c -> c.phase() == Phase.WITH_TICKET).orElse(false),
                WAIT, "ticket open");
        long number = t.bot.store.conversation(key).orElseThrow().ticketNumber();
        var card = t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF
                && FakeBotApi.payloads(s).contains("desk:claim:" + number), WAIT);

        TelegramFlowsTest.press(t.fake, TelegramTestBot.SUE_TG, card, "desk:claim:" + number);
        t.fake.awaitCondition(() -> "sue".equals(t.bot.store.ticket(number).orElseThrow().assignee()), WAIT, "sue has it");
        TelegramFlowsTest.press(t.fake, TelegramTestBot.ALICE_TG, card, "desk:claim:" + number);
        t.fake.awaitCondition(() -> t.fake.calls("answerCallbackQuery").stream()
                .anyMatch(c -> c.path("text").asText().equals("ticket #" + number + " belongs to sue")), WAIT,
                "alice told who holds it");
        var ticket = t.bot.store.ticket(number).orElseThrow();
        assertEquals("sue", ticket.assignee());
        assertEquals(1, ticket.events().stream().filter(e -> e.type() == TicketEvent.Type.CLAIMED).count());

        // Writing in the topic of a ticket someone else holds: told, not relayed.
        t.fake.topicText(TelegramTestBot.STAFF, card.threadId(), TelegramTestBot.ALICE_TG, "Hello, I can help");
        t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && s.text() != null
                && s.text().contains("belongs to sue"), WAIT);
        assertTrue(t.fake.sentTo(USER).stream().noneMatch(s -> s.text() != null && s.text().contains("I can help")));
    }
}

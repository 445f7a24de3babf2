package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.channel.telegram.TelegramFlowsTest.WAIT;
import static supportbot.channel.telegram.TelegramFlowsTest.callbacks;
import static supportbot.channel.telegram.TelegramFlowsTest.press;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.ticket.TicketStatus;
import supportbot.dialogue.Phase;

/** The staff topic is renamed with its ticket's status, closed when the ticket is resolved and reopened with it. */
class TelegramTopicFollowsTicketTest {
    private static final long USER = 7401;

    @TempDir
    Path dir;
    private TelegramTestBot t;

    @AfterEach
    void close() {
        if (t != null) {
            t.close();
        }
    }

    private boolean topicCall(String method, int thread) {
        return t.fake.calls(method).stream().anyMatch(c -> c.path("message_thread_id").asInt() == thread);
    }

    private boolean topicNamed(int thread, String part) {
        return t.fake.topics().stream().anyMatch(tp -> tp.threadId() == thread && tp.name().contains(part));
    }

    @Test
    void resolvingClosesAndRenamesTheTopicAndReopeningReopensIt() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        String key = TelegramKeys.privateChat(USER);
        t.fake.userText(USER, "I want to talk to a human about my account");
        t.fake.awaitCondition(() -> t.bot.store.conversation(key).map(c -> c.phase() == Phase.WITH_TICKET).orElse(false),
                WAIT, "ticket open");
        long number = t.bot.store.conversation(key).orElseThrow().ticketNumber();
        var card = t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && callbacks(s).contains("desk:claim:" + number), WAIT);
        int thread = card.threadId();
        assertTrue(topicNamed(thread, "#" + number + " 🆕"), "a new ticket's topic says so: " + t.fake.topics());

        press(t.fake, TelegramTestBot.ALICE_TG, card, "desk:claim:" + number);
        t.fake.awaitCondition(() -> topicNamed(thread, "#" + number + " 👤"), WAIT, "the topic renamed when claimed");
        t.fake.topicText(TelegramTestBot.STAFF, thread, TelegramTestBot.ALICE_TG, "/resolve");
        t.fake.awaitCondition(() -> t.bot.store.ticket(number).orElseThrow().status() == TicketStatus.RESOLVED, WAIT, "resolved");
        t.fake.awaitCondition(() -> topicCall("closeforumtopic", thread), WAIT, "the topic closed");
        t.fake.awaitCondition(() -> topicNamed(thread, "#" + number + " ✅"), WAIT, "the topic renamed resolved");
        assertTrue(!topicCall("reopenforumtopic", thread), "not reopened yet");

        t.fake.topicText(TelegramTestBot.STAFF, thread, TelegramTestBot.ALICE_TG, "/reopen");
        t.fake.awaitCondition(() -> topicCall("reopenforumtopic", thread), WAIT, "the topic reopened with the ticket");
        assertTrue(t.fake.sentTo(TelegramTestBot.STAFF).stream().noneMatch(s -> s.text().contains("🆕 #")),
                "no one is mentioned unless configured");
    }

    @Test
    void aNewTicketMentionsTheConfiguredTeam() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}\n"
                + "  newTicketMention: [\"@support_team\", \"night_shift\"]").start();
        t.fake.userText(USER, "I want to talk to a human about my account");
        var line = t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && s.text().contains("🆕 #"), WAIT);
        assertTrue(line.text().startsWith("@support_team @night_shift 🆕 #1001"), line.text());
        assertTrue(line.threadId() != null, "in the ticket's topic");
    }

    @Test
    void anAgentsFirstMessageInAnUnclaimedTopicIsSentWithOneClaimAndSendPress() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        String key = TelegramKeys.privateChat(USER);
        t.fake.userText(USER, "I want to talk to a human about my account");
        t.fake.awaitCondition(() -> t.bot.store.conversation(key).map(c -> c.phase() == Phase.WITH_TICKET).orElse(false),
                WAIT, "ticket open");
        long number = t.bot.store.conversation(key).orElseThrow().ticketNumber();
        var card = t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && callbacks(s).contains("desk:claim:" + number), WAIT);
        t.fake.topicText(TelegramTestBot.STAFF, card.threadId(), TelegramTestBot.ALICE_TG, "Hi, which wallet app do you use?");
        var offer = t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && callbacks(s).contains("desk:claimsend:" + number), WAIT);
        assertTrue(offer.text().contains("not claimed yet"), offer.text());
        assertTrue(t.fake.sentTo(USER).stream().noneMatch(s -> s.text().contains("which wallet app")), "held, not sent");

        press(t.fake, TelegramTestBot.ALICE_TG, offer, "desk:claimsend:" + number);
        t.fake.awaitSent(s -> s.chatId() == USER && s.text().contains("Hi, which wallet app do you use?"), WAIT);
        assertEquals("alice", t.bot.store.ticket(number).orElseThrow().assignee());
    }

    @Test
    void aMentionThatIsNoUsernameIsRefused() {
        assertEquals(java.util.List.of("@support_team"), TelegramSettings.mentions("support_team"));
        assertEquals(java.util.List.of(), TelegramSettings.mentions(null));
        var e = assertThrows(supportbot.config.ConfigException.class, () -> TelegramSettings.mentions(java.util.List.of("@a b")));
        assertTrue(e.getMessage().contains("telegram.newTicketMention"), e.getMessage());
    }
}

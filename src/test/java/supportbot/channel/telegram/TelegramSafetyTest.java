package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.channel.telegram.TelegramFlowsTest.WAIT;
import static supportbot.channel.telegram.TelegramFlowsTest.callbacks;
import static supportbot.channel.telegram.TelegramFlowsTest.press;
import static supportbot.channel.telegram.TelegramFlowsTest.to;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.Phase;

/** Anti-impersonation, bans, data export and flood control, over the real connector. */
class TelegramSafetyTest {
    private static final long USER = 5151;

    @TempDir
    Path dir;
    private TelegramTestBot t;

    @AfterEach
    void close() {
        if (t != null) {
            t.close();
        }
    }

    private long openTicket() {
        String key = TelegramKeys.privateChat(USER);
        t.fake.userText(USER, "I want to talk to a human about my account");
        t.fake.awaitCondition(() -> t.bot.store.conversation(key).map(c -> c.phase() == Phase.WITH_TICKET).orElse(false),
                WAIT, "ticket open");
        long number = t.bot.store.conversation(key).orElseThrow().ticketNumber();
        t.fake.awaitCondition(() -> t.bot.store.ticket(number).isPresent(), WAIT, "ticket stored");
        return number;
    }

    private FakeBotApi.Sent card(long number) {
        return t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && callbacks(s).contains("desk:claim:" + number), WAIT);
    }

    @Test
    void verifyTellsARealAgentFromAnImpostorAndRepliesCarryTheCode() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        String code = t.bot.agentCodes.codeOf("alice");
        assertTrue(code.matches("[A-Z2-9]{6}"), code);

        t.fake.userText(USER, "/verify alice");
        t.fake.awaitSent(to(USER, "alice is a real agent").and(s -> s.text().contains(code)), WAIT);
        t.fake.userText(USER, "/verify " + code.toLowerCase());
        t.fake.awaitSent(to(USER, "Code " + code + " belongs to alice"), WAIT);
        t.fake.userText(USER, "/verify Support_Admin_Official");
        t.fake.awaitSent(to(USER, "is not one of our agents").and(s -> s.text().contains("never messages you first")), WAIT);

        long number = openTicket();
        var card = card(number);
        press(t.fake, TelegramTestBot.ALICE_TG, card, "desk:claim:" + number);
        t.fake.awaitCondition(() -> "alice".equals(t.bot.store.ticket(number).orElseThrow().assignee()), WAIT, "claimed");
        t.fake.topicText(TelegramTestBot.STAFF, card.threadId(), TelegramTestBot.ALICE_TG, "Hello, I'm looking at it.");
        t.fake.awaitSent(to(USER, "alice (" + code + "): Hello, I'm looking at it."), WAIT);
    }

    @Test
    void aBannedUserIsNoLongerHeardAndTheBanCanBeLifted() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        long number = openTicket();
        var card = card(number);
        press(t.fake, TelegramTestBot.ALICE_TG, card, "desk:claim:" + number);
        t.fake.awaitCondition(() -> "alice".equals(t.bot.store.ticket(number).orElseThrow().assignee()), WAIT, "claimed");
        t.fake.topicText(TelegramTestBot.STAFF, card.threadId(), TelegramTestBot.ALICE_TG, "/ban spam and insults");
        t.fake.awaitCondition(() -> t.bot.store.isBanned("telegram:" + USER), WAIT, "banned");
        long turns = t.bot.store.conversation(TelegramKeys.privateChat(USER)).orElseThrow().turns();
        // What was said before the ban (the claim) may still be on its way: count from when it has gone.
        t.fake.awaitCondition(() -> t.bot.store.pendingOutbox(10).isEmpty(), WAIT, "the outbox empty");
        int sent = t.fake.sentTo(USER).size();
        t.fake.userText(USER, "you can't stop me");
        t.fake.userText(USER, "/help");
        t.awaitQuiet();
        assertEquals(turns, t.bot.store.conversation(TelegramKeys.privateChat(USER)).orElseThrow().turns(),
                "a banned user's messages are not handled");
        assertEquals(sent, t.fake.sentTo(USER).size(), "and not answered");
        t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && s.text().contains("banned the user"), WAIT);

        t.fake.topicText(TelegramTestBot.STAFF, card.threadId(), TelegramTestBot.ALICE_TG, "/unban");
        t.fake.awaitCondition(() -> !t.bot.store.isBanned("telegram:" + USER), WAIT, "unbanned");
        t.fake.userText(USER, "/help");
        t.fake.awaitSent(to(USER, "/human"), WAIT);
    }

    @Test
    void exportSendsTheUsersOwnDataAsAFile() throws Exception {
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}").start();
        openTicket();
        t.fake.userText(USER, "/export");
        t.fake.awaitCondition(() -> t.fake.uploads().stream().anyMatch(u -> u.chatId() == USER), WAIT, "a file sent");
        var file = t.fake.uploads().stream().filter(u -> u.chatId() == USER).findFirst().orElseThrow();
        String json = new String(file.bytes(), StandardCharsets.UTF_8);
        assertTrue(file.fileName().endsWith(".json"), file.fileName());
        assertTrue(json.contains("I want to talk to a human about my account"), json);
        assertTrue(json.contains("\"tickets\""), json);
        assertTrue(file.caption().contains("everything we keep about you"), file.caption());
    }

    @Test
    void aFloodGetsOnePoliteNotice() throws Exception {
        // The bucket refills over an hour, so however slowly this machine handles the flood, no token comes back
        // during the test and the count below is exact.
        t = new TelegramTestBot(dir, "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}", 0, 12, 3600).start();
        for (int i = 0; i < 20; i++) {
            t.fake.userText(USER, "hello " + i);
        }
        t.fake.awaitSent(to(USER, "sending messages very quickly"), WAIT);
        t.awaitQuiet();
        assertEquals(1, t.fake.sentTo(USER).stream().filter(s -> s.text().contains("very quickly")).count());
        long turns = t.bot.store.conversation(TelegramKeys.privateChat(USER)).orElseThrow().turns();
        assertEquals(12, turns, "the first 12 messages were handled and the rest of the flood skipped");
    }
}

package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketStatus;
import supportbot.dialogue.Conversation;
import supportbot.dialogue.Phase;
import supportbot.dialogue.details.DetailType;

/**
 * The Telegram connector end to end: the real telegrambots library (long polling and client) against a fake
 * Bot API on 127.0.0.1, with the real engine, store, desk and outbox behind it.
 */
class TelegramFlowsTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final long USER = 42;
    static final String TRON_HASH = "a3f1c9e2b7d4058f6e1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70";
    static final Map<DetailType, String> ANSWERS = Map.of(
            DetailType.ACCOUNT, "alice@example.com",
            DetailType.TIME, "yesterday 3pm",
            DetailType.DEVICE, "iPhone 15 iOS 17.2",
            DetailType.CHAIN, "TRC20",
            DetailType.COIN, "USDT",
            DetailType.TX_HASH, TRON_HASH,
            DetailType.AMOUNT, "100 USDT",
            DetailType.ADDRESS, "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE",
            DetailType.DESCRIPTION, "The withdrawal left my wallet but never arrived.");

    @TempDir
    Path dir;
    private TelegramTestBot t;

    private TelegramTestBot start(String extraYaml) throws Exception {
        t = new TelegramTestBot(dir, extraYaml).start();
        return t;
    }

    private TelegramTestBot start() throws Exception {
        return start("  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}");
    }

    @AfterEach
    void close() {
        if (t != null) {
            t.close();
        }
    }

    static List<String> callbackData(FakeBotApi.Sent s) {
        return FakeBotApi.callbackData(s);
    }

    static List<String> callbacks(FakeBotApi.Sent s) {
        return FakeBotApi.payloads(s);
    }

    /** Presses the button with this payload on a message, as Telegram would: with the data the bot sent. */
    static long press(FakeBotApi fake, long user, FakeBotApi.Sent message, String payload) {
        String data = callbackData(message).stream().filter(d -> d.startsWith(payload + "~")).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + payload + " on: " + message.text()));
        return message.threadId() == null ? fake.callback(user, message.chatId(), message.messageId(), data)
                : fake.callbackInTopic(user, message.chatId(), message.threadId(), message.messageId(), data);
    }

    static Predicate<FakeBotApi.Sent> to(long chat, String textPart) {
        return s -> s.chatId() == chat && s.text() != null && s.text().contains(textPart);
    }

    static Predicate<FakeBotApi.Sent> withButton(long chat, String payload) {
        return s -> s.chatId() == chat && callbacks(s).contains(payload);
    }

    /** The newest message matching, once there is one: buttons on older messages may have expired. */
    /** The optional details, the screenshot among them, asked together while this one is pending. */
    private static boolean asksScreenshotAmongOptional(Conversation c) {
        var optional = supportbot.dialogue.EngineHarness.DATA.categories().get(c.categoryId()).orElseThrow().optional();
        return c.awaiting() != null && optional.contains(c.awaiting()) && optional.contains(DetailType.SCREENSHOT)
                && !c.skipped().contains(DetailType.SCREENSHOT) && !c.editing();
    }

    private FakeBotApi.Sent latest(Predicate<FakeBotApi.Sent> match) {
        t.fake.awaitSent(match, WAIT);
        var all = t.fake.sent().stream().filter(match).toList();
        return all.get(all.size() - 1);
    }

    private Conversation conversation(long user) {
        return t.bot.store.conversation(TelegramKeys.privateChat(user)).orElseThrow();
    }

    private void awaitTurns(long user, long turns) {
        t.fake.awaitCondition(() -> t.bot.store.conversation(TelegramKeys.privateChat(user))
                .map(c -> c.turns() >= turns).orElse(false), WAIT, "conversation of " + user + " at turn " + turns);
    }

    @Test
    void aQuestionIsAnsweredFromTheFaqWithButtonsAndTheButtonIsAcknowledged() throws Exception {
        start();
        t.fake.userText(USER, "How do I change the app language or display currency?");
        var first = t.fake.awaitSent(s -> withButton(USER, "faq:yes").test(s) || to(USER, "Settings → Language").test(s)
                || withButton(USER, "faq:pick:language-settings").test(s), WAIT);
        if (callbacks(first).contains("faq:pick:language-settings")) {
            // BM25 alone is not always sure enough to answer: "did you mean" offers it and a press answers.
            press(t.fake, USER, first, "faq:pick:language-settings");
        }
        var answer = t.fake.awaitSent(to(USER, "Settings → Language"), WAIT);
        assertEquals("HTML", answer.parseMode());
        var ask = t.fake.awaitSent(withButton(USER, "faq:yes"), WAIT);
        assertTrue(callbacks(ask).contains("faq:no"));

        // Callback data a client made up (unsigned) is refused and changes nothing.
        t.fake.callback(USER, USER, ask.messageId(), "faq:yes");
        t.fake.awaitCondition(() -> t.fake.answeredCallbacks().size() == (callbacks(first).contains("faq:pick:language-settings") ? 2 : 1),
                WAIT, "the forged press answered");
        t.fake.awaitSent(to(USER, "This button is no longer valid"), WAIT);
        assertTrue(t.bot.store.faqVotes().get("language-settings") == null, "no vote from a forged button");

        long press = press(t.fake, USER, ask, "faq:yes");
        t.fake.awaitSent(to(USER, "Glad that helped"), WAIT);
        int presses = callbacks(first).contains("faq:pick:language-settings") ? 3 : 2;
        t.fake.awaitCondition(() -> t.fake.answeredCallbacks().size() == presses, WAIT, "every callback query answered");
        assertTrue(press > 0);
        assertEquals(1, t.bot.store.faqVotes().get("language-settings")[0], "the helpful vote is stored");
        var menus = t.fake.calls("setMyCommands");
        assertEquals(4, menus.size(), "users' and staff menus are set in English and Chinese");
        assertTrue(menus.get(0).toString().contains("forget") && menus.get(1).toString().contains("删除我的数据"));
        assertEquals("all_private_chats", menus.get(0).path("scope").path("type").asText(), "users' menu in private chats");
        assertTrue(!menus.get(0).toString().contains("\"resolve\""), "no staff command in the users' menu");
        var staffMenu = menus.get(2);
        assertEquals("chat", staffMenu.path("scope").path("type").asText());
        assertEquals(TelegramTestBot.STAFF, staffMenu.path("scope").path("chat_id").asLong(), "the staff menu in the staff group");
        assertTrue(staffMenu.toString().contains("\"resolve\"") && !staffMenu.toString().contains("\"forget\""), staffMenu.toString());
        assertTrue(menus.get(3).toString().contains("认领此工单"), "the staff menu in Chinese too");
    }

    /** Answers every question the bot asks (a photo for the screenshot) until the summary, then confirms. */
    private Ticket reportAndConfirm(long user, String firstMessage, byte[] photo) {
        t.fake.userText(user, firstMessage);
        awaitTurns(user, 1);
        boolean photoSent = false;
        for (int step = 0; step < 20; step++) {
            Conversation c = conversation(user);
            long turns = c.turns();
            if (c.phase() == Phase.CONFIRMING) {
                var summary = latest(withButton(user, "confirm"));
                press(t.fake, user, summary, "confirm");
                t.fake.awaitCondition(() -> conversation(user).phase() == Phase.WITH_TICKET, WAIT, "ticket opened");
                break;
            }
            if (c.phase() == Phase.FAQ_OFFERED) {
                var offer = latest(withButton(user, "faq:no"));
                press(t.fake, user, offer, "faq:no");
            } else if (!photoSent && (c.awaiting() == DetailType.SCREENSHOT || asksScreenshotAmongOptional(c))) {
                // Optional details are asked together in one message (issue 14): the photo, with the answer the
                // user has for the first of them as its caption.
                t.fake.userPhoto(user, "photo-" + user, photo, ANSWERS.get(c.awaiting()));
                photoSent = true;
            } else if (c.awaiting() != null && ANSWERS.containsKey(c.awaiting())) {
                t.fake.userText(user, ANSWERS.get(c.awaiting()));
            } else {
                var skip = latest(withButton(user, "skip"));
                press(t.fake, user, skip, "skip");
            }
            awaitTurns(user, turns + 1);
        }
        if (!photoSent) {
            throw new AssertionError("the bot never asked for a screenshot");
        }
        long number = conversation(user).ticketNumber();
        // MapDB shows writes before their commit ends: the conversation can be seen a moment before its ticket.
        t.fake.awaitCondition(() -> t.bot.store.ticket(number).isPresent(), WAIT, "ticket #" + number + " stored");
        return t.bot.store.ticket(number).orElseThrow();
    }

    @Test
    void aReportWithAPhotoIsCollectedHandedToAStaffTopicAnsweredResolvedAndRated() throws Exception {
        start();
        byte[] photo = "fake-jpeg-bytes-of-a-screenshot".getBytes();
        Ticket ticket = reportAndConfirm(USER, "My withdrawal to the exchange has been pending for hours", photo);
        assertEquals(TRON_HASH, ticket.draft().details().get(DetailType.TX_HASH).value());
        assertEquals(1, ticket.draft().attachments().size(), "the photo goes with the ticket");
        assertArrayEquals(photo, supportbot.channel.AttachmentFiles.read(ticket.draft().attachments().get(0)),
                "the photo was downloaded through the configured Bot API URL");

        // The staff forum gets a topic with the summary card, its buttons and the photo.
        var topic = t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && s.text() != null
                && s.text().contains("#" + ticket.number()) && callbacks(s).contains("desk:claim:" + ticket.number()), WAIT);
        assertNotNull(topic.threadId());
        assertTrue(topic.text().contains(TRON_HASH), topic.text());
        t.fake.awaitCondition(() -> t.fake.uploads().stream().anyMatch(u -> u.chatId() == TelegramTestBot.STAFF
                && topic.threadId().equals(u.threadId())), WAIT, "the photo in the ticket's topic");

        // Someone in the group who is not an agent cannot claim.
        press(t.fake, 999, topic, "desk:claim:" + ticket.number());
        t.fake.awaitCondition(() -> t.fake.answeredCallbacks().size() >= 1, WAIT, "refusal answered");
        assertEquals(TicketStatus.QUEUED, t.bot.store.ticket(ticket.number()).orElseThrow().status());

        // Alice claims with the button and answers in the topic; the user gets her words.
        // Made-up data, even from an agent, does nothing: only the signed button works.
        t.fake.callbackInTopic(TelegramTestBot.ALICE_TG, TelegramTestBot.STAFF, topic.threadId(), topic.messageId(),
                "desk:claim:" + ticket.number());
        t.fake.awaitCondition(() -> t.fake.answeredCallbacks().size() >= 2, WAIT, "forged button answered");
        assertEquals(TicketStatus.QUEUED, t.bot.store.ticket(ticket.number()).orElseThrow().status());
        press(t.fake, TelegramTestBot.ALICE_TG, topic, "desk:claim:" + ticket.number());
        t.fake.awaitCondition(() -> "alice".equals(t.bot.store.ticket(ticket.number()).orElseThrow().assignee()), WAIT,
                "claimed by alice");
        t.fake.topicText(TelegramTestBot.STAFF, topic.threadId(), TelegramTestBot.ALICE_TG,
                "Found it: the exchange credits TRC20 deposits after 20 confirmations <not 1> & it's now done.");
        t.fake.awaitSent(to(USER, "alice (" + t.bot.agentCodes.codeOf("alice", TelegramKeys.privateChat(USER))
                + "): Found it: the exchange credits TRC20 deposits after 20 confirmations &lt;not 1&gt; &amp;"), WAIT);
        // A saved reply by name, filled in for the ticket.
        t.fake.topicText(TelegramTestBot.STAFF, topic.threadId(), TelegramTestBot.ALICE_TG, "/r escalated-to-team");
        t.fake.awaitSent(s -> s.chatId() == USER && s.text() != null
                && s.text().contains("passed ticket #" + ticket.number() + " to our specialist team"), WAIT);

        // The user's next message appears in the topic.
        t.fake.userText(USER, "Thanks, I see it now");
        t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && topic.threadId().equals(s.threadId())
                && s.text().contains("Thanks, I see it now"), WAIT);

        // Resolved from the topic; the user rates.
        t.fake.topicText(TelegramTestBot.STAFF, topic.threadId(), TelegramTestBot.ALICE_TG, "/resolve");
        var rate = t.fake.awaitSent(withButton(USER, "rate:5"), WAIT);
        press(t.fake, USER, rate, "rate:4"); // at 5 stars nothing is asked about the weakest part
        var weakest = t.fake.awaitSent(withButton(USER, "weak:speed"), WAIT);
        press(t.fake, USER, weakest, "weak:speed");
        var comment = t.fake.awaitSent(to(USER, "Anything else you'd like to tell us"), WAIT);
        t.fake.userText(USER, "Quick and clear, thank you");
        t.fake.awaitCondition(() -> t.bot.store.ticket(ticket.number()).orElseThrow().rating() != null, WAIT, "rated");
        assertEquals(4, t.bot.store.ticket(ticket.number()).orElseThrow().rating().stars());
        assertEquals(TicketStatus.RESOLVED, t.bot.store.ticket(ticket.number()).orElseThrow().status());
        t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && topic.threadId().equals(s.threadId())
                && s.text().contains("Rating"), WAIT);
    }

    @Test
    void aSupervisorRequestReachesTheSupervisorsTopic() throws Exception {
        start();
        t.fake.userText(USER, "I want to talk to your supervisor about my frozen account");
        t.fake.awaitCondition(() -> t.bot.store.lastTicketNumber() > 0, WAIT, "a ticket");
        var alert = t.fake.awaitSent(s -> s.chatId() == TelegramTestBot.STAFF && s.text().startsWith("⚠️"), WAIT);
        assertTrue(t.fake.topics().stream().anyMatch(tp -> tp.threadId() == alert.threadId() && tp.name().contains("Supervisors")),
                "alerts go to the supervisors' own topic");
    }

    @Test
    void inAGroupTheBotAnswersOnlyWhenAddressedAndMovesReportsToPrivate() throws Exception {
        start();
        long group = -100777;
        t.fake.groupText(group, USER, "my withdrawal is stuck for hours");
        t.fake.groupText(group, USER, "@support_test_bot my withdrawal is stuck for hours");
        var moved = t.fake.awaitSent(s -> s.chatId() == group, WAIT);
        JsonNode button = moved.replyMarkup().get("inline_keyboard").get(0).get(0);
        assertEquals("https://t.me/support_test_bot?start=private", button.get("url").asText());
        t.fake.groupText(group, USER, "/help@support_test_bot");
        t.fake.awaitSent(s -> s.chatId() == group && s.text().contains("/human"), WAIT);
        t.awaitQuiet();
        assertEquals(2, t.fake.sentTo(group).size(), "the unaddressed message got no answer");
        assertTrue(t.bot.store.lastTicketNumber() == 0, "no ticket from a group");
    }

    @Test
    void forgetErasesTheConversationItsFilesAndTheTicketsPersonalFields() throws Exception {
        start();
        Ticket ticket = reportAndConfirm(USER, "My withdrawal to the exchange has been pending for hours", "img".getBytes());
        Path photo = Path.of(ticket.draft().attachments().get(0).ref());
        assertTrue(Files.exists(photo));

        t.fake.userText(USER, "/forget");
        var confirm = latest(withButton(USER, "forget:yes"));
        press(t.fake, USER, confirm, "forget:yes");
        t.fake.awaitSent(to(USER, "erased"), WAIT);

        assertFalse(Files.exists(photo), "the user's files are deleted");
        var erased = t.bot.store.ticket(ticket.number()).orElseThrow();
        assertTrue(erased.draft().details().isEmpty(), "personal details leave the ticket");
        assertTrue(erased.events().stream().filter(e -> e.actor().equals("user") && e.text() != null)
                .allMatch(e -> e.text().equals(Ticket.ERASED)));
        assertEquals(TicketStatus.CLOSED, erased.status());
        var transcript = t.bot.store.transcript(TelegramKeys.privateChat(USER), 0);
        assertTrue(transcript.stream().noneMatch(l -> l.text().contains("withdrawal")), "the transcript is gone");
    }
}

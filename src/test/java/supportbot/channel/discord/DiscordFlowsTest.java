package supportbot.channel.discord;

import supportbot.ticket.TicketEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.channel.telegram.FakeBotApi;
import supportbot.dialogue.Conversation;
import supportbot.dialogue.Phase;
import supportbot.dialogue.details.DetailType;

/** The Discord connector end to end: the real JDA against a fake Discord gateway and REST API on 127.0.0.1. */
class DiscordFlowsTest {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final long USER = FakeDiscord.CUSTOMER_ID;
    static final long AGENT = FakeDiscord.AGENT_ID;
    static final Map<DetailType, String> ANSWERS = Map.of(
            DetailType.ACCOUNT, "alice@example.com",
            DetailType.TIME, "yesterday 3pm",
            DetailType.DEVICE, "iPhone 15 iOS 17.2",
            DetailType.CHAIN, "TRC20",
            DetailType.COIN, "USDT",
            DetailType.TX_HASH, "a3f1c9e2b7d4058f6e1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70",
            DetailType.AMOUNT, "100 USDT",
            DetailType.ADDRESS, "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE",
            DetailType.DESCRIPTION, "The withdrawal left my wallet but never arrived.");

    @TempDir
    Path dir;
    private FakeDiscord fake;
    private DiscordTestBot t;
    private FakeBotApi telegram;

    @AfterEach
    void close() {
        if (t != null) {
            t.close();
        }
        if (fake != null) {
            fake.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    private void start(boolean withTelegram) throws Exception {
        fake = FakeDiscord.start();
        if (withTelegram) {
            telegram = FakeBotApi.start("123456:TEST-token-for-the-fake-bot-api");
        }
        t = new DiscordTestBot(dir, fake, withTelegram ? telegram.baseUrl() : null);
    }

    /** The payloads behind a message's components, without their signatures. */
    static List<String> payloads(FakeDiscord.Sent s) {
        var out = new ArrayList<String>();
        for (String id : s.customIds()) {
            out.add(id.contains("~") ? id.substring(0, id.lastIndexOf('~')) : id);
        }
        s.body().path("components").findValues("options").forEach(options -> options.forEach(o -> {
            String v = o.path("value").asText();
            out.add(v.contains("~") ? v.substring(0, v.lastIndexOf('~')) : v);
        }));
        return out;
    }

    /** Presses a button (or picks a select option) with this payload, with the data the bot sent. */
    private String press(long user, FakeDiscord.Sent message, String payload) {
        for (String id : message.customIds()) {
            if (id.startsWith(payload + "~")) {
                return fake.buttonPress(message.channelId(), user, message.messageId(), id);
            }
        }
        for (JsonNode menu : message.body().path("components").findParents("options")) {
            for (JsonNode o : menu.path("options")) {
                if (o.path("value").asText().startsWith(payload + "~")) {
                    return fake.selectMenu(message.channelId(), user, message.messageId(), menu.path("custom_id").asText(),
                            List.of(o.path("value").asText()));
                }
            }
        }
        throw new AssertionError("no component " + payload + " on: " + message.content());
    }

    private FakeDiscord.Sent latest(Predicate<FakeDiscord.Sent> match) {
        fake.awaitSent(match, WAIT);
        var all = fake.sent().stream().filter(match).toList();
        return all.get(all.size() - 1);
    }

    private static Predicate<FakeDiscord.Sent> in(long channel, String text) {
        return s -> s.channelId() == channel && s.content() != null && s.content().contains(text);
    }

    /** The optional details, the screenshot among them, asked together while this one is pending. */
    private static String optionalAnswers(Conversation c) {
        var optional = supportbot.dialogue.EngineHarness.DATA.categories().get(c.categoryId()).orElseThrow().optional();
        return String.join("\n", optional.stream().filter(d -> !c.details().containsKey(d) && ANSWERS.containsKey(d))
                .map(ANSWERS::get).toList());
    }

    private static boolean asksScreenshotAmongOptional(Conversation c) {
        var optional = supportbot.dialogue.EngineHarness.DATA.categories().get(c.categoryId()).orElseThrow().optional();
        return c.awaiting() != null && optional.contains(c.awaiting()) && optional.contains(DetailType.SCREENSHOT)
                && !c.skipped().contains(DetailType.SCREENSHOT) && !c.editing();
    }

    private static Predicate<FakeDiscord.Sent> withPayload(long channel, String payload) {
        return s -> s.channelId() == channel && payloads(s).contains(payload);
    }

    @Test
    void aDirectMessageIsAnsweredFromTheFaqWithSignedButtons() throws Exception {
        start(false);
        fake.directMessage(USER, "How do I change the app language or display currency?");
        long dm = fake.dmChannelId(USER);
        var first = fake.awaitSent(s -> s.channelId() == dm && (payloads(s).contains("faq:yes")
                || payloads(s).contains("faq:pick:language-settings") || s.content().contains("Settings → Language")), WAIT);
        if (payloads(first).contains("faq:pick:language-settings")) {
            press(USER, first, "faq:pick:language-settings");
        }
        fake.awaitSent(in(dm, "Settings → Language"), WAIT);
        var ask = fake.awaitSent(withPayload(dm, "faq:yes"), WAIT);
        assertTrue(ask.customIds().stream().allMatch(id -> id.contains("~")), "custom ids are signed: " + ask.customIds());
        assertTrue(ask.body().path("allowed_mentions").path("parse").isArray()
                && ask.body().path("allowed_mentions").path("parse").isEmpty(), "no message may mention anyone");

        press(USER, ask, "faq:yes");
        fake.awaitSent(in(dm, "Glad that helped"), WAIT);

        // The user's own data, as a file, from a slash command in the DM.
        String export = fake.slashCommand(dm, USER, "export", Map.of());
        assertFalse(fake.awaitCallback(export, WAIT).late());
        var file = fake.awaitSent(s -> s.channelId() == dm && !s.files().isEmpty(), WAIT);
        assertTrue(file.files().get(0).filename().endsWith(".json"));
        assertTrue(file.files().get(0).text().contains("How do I change the app language"), file.files().get(0).text());
        assertTrue(fake.commandsRegistered().toString().contains("export"));
        assertTrue(fake.lateCallbacks().isEmpty(), "every interaction acknowledged within 3 s");
    }

    private Conversation conversation(String key) {
        return t.bot.store.conversation(key).orElseThrow();
    }

    @Test
    void supportChannelToPrivateThreadToStaffThreadAndBack() throws Exception {
        start(false);
        fake.userMessage(FakeDiscord.SUPPORT_CHANNEL_ID, USER, "My withdrawal to the exchange has been pending for hours");
        fake.awaitCondition(() -> !fake.threadsCreated().isEmpty(), WAIT, "a thread for the user");
        JsonNode thread = fake.threadsCreated().get(0);
        long threadId = thread.path("id").asLong();
        assertEquals(12, thread.path("type").asInt(), "a private thread");
        fake.awaitCondition(() -> fake.threadMembersAdded().stream().anyMatch(m -> m[0] == threadId && m[1] == USER), WAIT,
                "the user added to the thread");
        fake.awaitCondition(() -> fake.deletedMessages().stream().anyMatch(d -> d[0] == FakeDiscord.SUPPORT_CHANNEL_ID), WAIT,
                "the public message removed");
        String key = DiscordKeys.thread(threadId);

        // Detail collection in the private thread, with a screenshot.
        byte[] png = "png-bytes-of-a-screenshot".getBytes();
        boolean sentFile = false;
        fake.awaitCondition(() -> t.bot.store.conversation(key).isPresent(), WAIT, "the conversation");
        for (int step = 0; step < 20; step++) {
            Conversation c = conversation(key);
            long turns = c.turns();
            if (c.phase() == Phase.CONFIRMING) {
                press(USER, latest(withPayload(threadId, "confirm")), "confirm");
                fake.awaitCondition(() -> conversation(key).phase() == Phase.WITH_TICKET, WAIT, "ticket opened");
                break;
            }
            if (c.phase() == Phase.FAQ_OFFERED) {
                press(USER, latest(withPayload(threadId, "faq:no")), "faq:no");
            } else if (!sentFile && (c.awaiting() == DetailType.SCREENSHOT || asksScreenshotAmongOptional(c))) {
                // Optional details are asked together in one message (issue 14): the file, with the user's
                // answers to the others as its text, one per line as a user would paste them.
                fake.userMessage(threadId, USER, optionalAnswers(c), FakeDiscord.file("error.png", "image/png", png));
                sentFile = true;
            } else if (c.awaiting() != null && ANSWERS.containsKey(c.awaiting())) {
                fake.userMessage(threadId, USER, ANSWERS.get(c.awaiting()));
            } else {
                press(USER, latest(withPayload(threadId, "skip")), "skip");
            }
            fake.awaitCondition(() -> conversation(key).turns() > turns, WAIT, "turn " + (turns + 1));
        }
        assertTrue(sentFile, "the bot asked for a screenshot");
        long number = conversation(key).ticketNumber();
        fake.awaitCondition(() -> t.bot.store.ticket(number).isPresent(), WAIT, "ticket stored");
        var ticket = t.bot.store.ticket(number).orElseThrow();
        assertEquals(1, ticket.draft().attachments().size());
        assertTrue(java.util.Arrays.equals(png, supportbot.channel.AttachmentFiles.read(ticket.draft().attachments().get(0))));

        // A slash command in the thread is acknowledged at once and answered there.
        String status = fake.slashCommand(threadId, USER, "status", Map.of());
        var ack = fake.awaitCallback(status, WAIT);
        assertFalse(ack.late(), "acknowledged within 3 s");
        fake.awaitSent(in(threadId, "#" + number), WAIT);

        // The staff thread: summary embed with buttons.
        var card = fake.awaitSent(s -> !s.embeds().isEmpty() && payloads(s).contains("desk:claim:" + number), WAIT);
        assertTrue(card.embeds().get(0).toString().contains("USDT"), card.embeds().toString());
        assertTrue(card.embeds().get(0).toString().contains("alice@example.com"), "an email copies exactly: " + card.embeds());
        long staffThread = card.channelId();

        // Nobody without the roles acts; forged and foreign buttons do nothing.
        String ownerPress = press(FakeDiscord.OWNER_ID, card, "desk:claim:" + number); // can see it, but holds no role
        fake.awaitCallback(ownerPress, WAIT);
        String foreign = fake.buttonPressFromOtherGuild(AGENT, card.messageId(), card.customIds().get(0));
        fake.awaitCallback(foreign, WAIT);

        // The agent's own press is the sentinel: once it has claimed the ticket, the refused presses had their
        // chance to act, and the history shows whether any did.
        press(AGENT, card, "desk:claim:" + number);
        fake.awaitCondition(() -> "bob".equals(t.bot.store.ticket(number).orElseThrow().assignee()), WAIT, "claimed by bob");
        assertEquals(List.of("bob"), t.bot.store.ticket(number).orElseThrow().events().stream()
                .filter(e -> e.type() == TicketEvent.Type.CLAIMED).map(e -> e.actor()).toList(), "only the agent's press claimed");
        fake.userMessage(staffThread, AGENT, "Found it @everyone: it arrives after 20 confirmations.");
        var relayed = fake.awaitSent(in(threadId, "Found it"), WAIT);
        assertTrue(relayed.content().contains("Found it @everyone: it arrives"), "the agent's text intact: " + relayed.content());
        assertTrue(relayed.body().path("allowed_mentions").path("parse").isArray()
                && relayed.body().path("allowed_mentions").path("parse").isEmpty(), "it can never ping everyone");

        fake.userMessage(staffThread, AGENT, "!resolve");
        var rate = fake.awaitSent(withPayload(threadId, "rate:5"), WAIT);
        press(USER, rate, "rate:4"); // at 5 stars nothing is asked about the weakest part
        press(USER, fake.awaitSent(withPayload(threadId, "weak:speed"), WAIT), "weak:speed");
        fake.awaitSent(in(threadId, "Anything else"), WAIT);
        fake.userMessage(threadId, USER, "Thanks, quick and clear");
        fake.awaitCondition(() -> t.bot.store.ticket(number).orElseThrow().rating() != null, WAIT, "rated");
        assertEquals(4, t.bot.store.ticket(number).orElseThrow().rating().stars());
        assertEquals("speed", t.bot.store.ticket(number).orElseThrow().rating().weakest());
        assertTrue(fake.lateCallbacks().isEmpty(), "every interaction acknowledged within 3 s");
    }

    @Test
    void aTelegramUserIsServedFromADiscordStaffThread() throws Exception {
        start(true);
        long tgUser = 4711;
        telegram.userText(tgUser, "I want to talk to a human about my frozen account");
        var card = fake.awaitSent(s -> !s.embeds().isEmpty() && s.customIds().stream().anyMatch(id -> id.startsWith("desk:claim:")),
                WAIT);
        assertTrue(card.embeds().get(0).toString().contains("telegram"), "the card says where the user is");
        var ping = fake.awaitSent(s -> s.channelId() == FakeDiscord.STAFF_CHANNEL_ID && s.content() != null
                && s.content().contains("<@&" + FakeDiscord.AGENT_ROLE_ID + ">"), WAIT);
        assertTrue(ping.content().contains("<#" + card.channelId() + ">"), "the ping links the ticket's thread: " + ping.content());
        var roles = new ArrayList<String>();
        ping.body().path("allowed_mentions").path("roles").forEach(r -> roles.add(r.asText()));
        assertEquals(List.of(Long.toString(FakeDiscord.AGENT_ROLE_ID)), roles, "only the agent role may be pinged");
        assertTrue(ping.body().path("allowed_mentions").path("parse").isEmpty(), "no @everyone, no members");
        String claim = payloads(card).stream().filter(p -> p.startsWith("desk:claim:")).findFirst().orElseThrow();
        press(AGENT, card, claim);
        long number = Long.parseLong(claim.substring("desk:claim:".length()));
        fake.awaitCondition(() -> "bob".equals(t.bot.store.ticket(number).orElseThrow().assignee()), WAIT, "claimed");
        fake.userMessage(card.channelId(), AGENT, "Hello from Discord, I'm looking at your account.");
        telegram.awaitSent(s -> s.chatId() == tgUser && s.text().contains("Hello from Discord"), WAIT);
    }
}

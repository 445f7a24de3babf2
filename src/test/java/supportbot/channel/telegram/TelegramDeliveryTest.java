package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static supportbot.channel.telegram.TelegramFlowsTest.WAIT;
import static supportbot.channel.telegram.TelegramFlowsTest.callbacks;
import static supportbot.channel.telegram.TelegramFlowsTest.to;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.Button;
import supportbot.dialogue.Phase;
import supportbot.dialogue.details.DetailType;

/** Delivery guarantees over the real telegrambots library: 429s, long replies, restarts, duplicates, webhooks. */
class TelegramDeliveryTest {
    private static final String LOOSE_LIMITS = "  limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}";

    @TempDir
    Path dir;
    private TelegramTestBot t;

    @AfterEach
    void close() {
        if (t != null) {
            t.close();
        }
    }

    private long replies(long chat) {
        return t.fake.sentTo(chat).size();
    }

    private void settle() {
        t.awaitQuiet();
    }

    @Test
    void aStormOf429sLosesAndDuplicatesNothing() throws Exception {
        t = new TelegramTestBot(dir, LOOSE_LIMITS).start();
        t.fake.failNext("sendMessage", 8, 1);
        List<Long> users = List.of(101L, 102L, 103L, 104L, 105L);
        users.forEach(u -> t.fake.userText(u, "hello"));
        for (long u : users) {
            t.fake.awaitSent(to(u, "support assistant"), WAIT);
        }
        settle();
        assertTrue(t.fake.tooManyRequestsAnswered() >= 8, "the fake did answer 429s");
        for (long u : users) {
            assertEquals(1, replies(u), "user " + u + " got exactly one greeting");
        }
    }

    @Test
    void aLongReplyIsSplitAndA429MidwayRepeatsNoPart() throws Exception {
        t = new TelegramTestBot(dir, LOOSE_LIMITS).start();
        t.fake.enforceRateLimits(1, 30); // the fake refuses the 2nd part within a second: a 429 between parts
        long user = 77;
        String paragraph = "Part %d. " + "This sentence is long enough to fill a message quickly. ".repeat(40);
        String text = IntStream.rangeClosed(1, 3).mapToObj(paragraph::formatted).collect(Collectors.joining("\n\n"));
        t.bot.committer.submit(tx -> tx.enqueue(TelegramKeys.CHANNEL, TelegramKeys.privateChat(user), text,
                List.of(new Button("OK", "faq:yes")))).join();
        t.bot.outbox.wake();
        t.fake.awaitCondition(() -> t.bot.store.pendingOutbox(10).isEmpty(), WAIT, "the long reply delivered");
        var parts = t.fake.sentTo(user);
        assertTrue(parts.size() >= 2, "split into " + parts.size());
        assertTrue(t.fake.rateLimitRejections() >= 1, "a 429 came between parts");
        for (int i = 1; i <= 3; i++) {
            String marker = "Part " + i + ".";
            assertEquals(1, parts.stream().filter(p -> p.text().contains(marker)).count(), marker + " sent once");
        }
        assertTrue(parts.stream().allMatch(p -> p.text().length() <= 4096));
        assertEquals(List.of("faq:yes"), callbacks(parts.get(parts.size() - 1)), "the buttons go under the last part");
        assertTrue(parts.subList(0, parts.size() - 1).stream().allMatch(p -> callbacks(p).isEmpty()));
    }

    @Test
    void aLongReplyCutByARestartContinuesAfterThePartsAlreadySent() throws Exception {
        t = new TelegramTestBot(dir, LOOSE_LIMITS).start();
        t.fake.enforceRateLimits(1, 30); // holds the 2nd part back a second: time to restart between parts
        long user = 78;
        String paragraph = "Section %d. " + "This sentence is long enough to fill a message quickly. ".repeat(40);
        String text = IntStream.rangeClosed(1, 3).mapToObj(paragraph::formatted).collect(Collectors.joining("\n\n"));
        t.bot.committer.submit(tx -> tx.enqueue(TelegramKeys.CHANNEL, TelegramKeys.privateChat(user), text, List.of())).join();
        t.bot.outbox.wake();
        t.fake.awaitCondition(() -> t.bot.store.pendingOutbox(10).stream().anyMatch(e -> e.partsSent() >= 1), WAIT,
                "the first part recorded as sent");

        t.restart();
        t.fake.awaitCondition(() -> t.bot.store.pendingOutbox(10).isEmpty(), WAIT, "the rest delivered after the restart");
        var parts = t.fake.sentTo(user);
        for (int i = 1; i <= 3; i++) {
            String marker = "Section " + i + ".";
            assertEquals(1, parts.stream().filter(p -> p.text().contains(marker)).count(), marker + " sent once");
        }
    }

    @Test
    void aRestartMidConversationContinuesWhereItStoppedAndHandlesNothingTwice() throws Exception {
        t = new TelegramTestBot(dir, LOOSE_LIMITS).start();
        long user = 88;
        String key = TelegramKeys.privateChat(user);
        t.fake.userText(user, "My withdrawal to the exchange has been pending for hours");
        var faqFirst = t.fake.awaitSent(s -> s.chatId() == user && callbacks(s).contains("faq:no"), WAIT);
        long first = TelegramFlowsTest.press(t.fake, user, faqFirst, "faq:no");
        t.fake.awaitSent(to(user, "When did it happen"), WAIT);
        t.fake.awaitCondition(() -> t.fake.getUpdatesOffsets().contains(first + 1), WAIT, "offset past the last update");
        DetailType asked = t.bot.store.conversation(key).orElseThrow().awaiting();
        int offsetsBefore = t.fake.getUpdatesOffsets().size();

        t.restart();
        t.fake.awaitCondition(() -> t.fake.getUpdatesOffsets().size() > offsetsBefore, WAIT, "polling again");
        assertEquals(first + 1, t.fake.getUpdatesOffsets().get(offsetsBefore),
                "after the restart polling resumes from the committed offset");

        t.fake.userText(user, "yesterday 3pm");
        t.fake.awaitCondition(() -> t.bot.store.conversation(key).orElseThrow().turns() == 3, WAIT, "third turn");
        var c = t.bot.store.conversation(key).orElseThrow();
        assertEquals(DetailType.TIME, asked);
        assertTrue(c.details().get(DetailType.TIME).value().contains("T15:00"), "the answer after the restart is kept");
        assertEquals(Phase.COLLECTING, c.phase(), "the report goes on: no new greeting, no lost detail");
        settle();
        assertEquals(1, t.fake.sentTo(user).stream().filter(s -> s.text().contains("When did it happen")).count(),
                "nothing was handled twice across the restart");
    }

    @Test
    void theOffsetWaitsUntilAFailedUpdateIsCommitted() throws Exception {
        t = new TelegramTestBot(dir, LOOSE_LIMITS).start();
        long user = 99;
        t.fake.failNext("getFile", 2, 1);
        long photo = t.fake.userPhoto(user, "shot-1", "png-bytes".getBytes(), "my error screen");
        t.fake.awaitCondition(() -> t.fake.calls("getFile").size() >= 2, WAIT, "two failed downloads");
        assertTrue(t.fake.getUpdatesOffsets().stream().allMatch(o -> o <= photo),
                "no getUpdates confirmed the update while it was failing: " + t.fake.getUpdatesOffsets());
        t.fake.awaitCondition(() -> t.fake.getUpdatesOffsets().contains(photo + 1), WAIT, "offset after the commit");
        var stored = t.bot.store.transcript(TelegramKeys.privateChat(user), 0);
        assertEquals(1, stored.get(0).attachments().size(), "the message is stored with its file, once");
        assertEquals(1, stored.stream().filter(l -> l.from().equals("user")).count());
    }

    @Test
    void webhookModeTakesUpdatesWithTheSecretRefusesOthersAndHandlesARepeatOnce() throws Exception {
        int port = TelegramTestBot.freePort();
        t = new TelegramTestBot(dir, LOOSE_LIMITS + "\n  mode: webhook\n  webhook: {publicUrl: \"http://127.0.0.1:" + port
                + "\"}", port).start();
        String url = "http://127.0.0.1:" + port + "/telegram/webhook";
        assertEquals(url, t.fake.webhookUrl());
        String secret = t.fake.webhookSecret();
        assertTrue(secret != null && secret.length() >= 32, "a secret was set with the webhook");

        t.fake.userText(201, "hello");
        t.fake.awaitSent(to(201, "support assistant"), WAIT);
        assertEquals(200, t.fake.webhookDeliveries().get(0).status());

        assertEquals(401, t.fake.postToWebhook(url, "wrong-secret", t.fake.userTextUpdateJson(202, "hello")));
        assertEquals(401, t.fake.postToWebhook(url, null, t.fake.userTextUpdateJson(202, "hello")));
        assertTrue(t.bot.store.conversation(TelegramKeys.privateChat(202)).isEmpty(), "a refused update changes nothing");

        String repeated = t.fake.userTextUpdateJson(203, "hello");
        assertEquals(200, t.fake.postToWebhook(url, secret, repeated));
        assertEquals(200, t.fake.postToWebhook(url, secret, repeated));
        settle();
        assertEquals(0, replies(202));
        assertEquals(1, replies(203), "an update delivered twice is handled once");
        assertEquals(1, t.bot.store.conversation(TelegramKeys.privateChat(203)).orElseThrow().turns());
    }
}

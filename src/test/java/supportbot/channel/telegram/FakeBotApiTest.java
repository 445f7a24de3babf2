package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.forum.ForumTopic;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** The fake Bot API driven by the real telegrambots 10.2.0 client and long-polling session. */
class FakeBotApiTest {
    private static final String TOKEN = "123456:TEST-token_abc";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private FakeBotApi fake;
    private OkHttpTelegramClient client;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() {
        fake = FakeBotApi.start(TOKEN);
        client = new OkHttpTelegramClient(TOKEN, url());
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private TelegramUrl url() {
        return new TelegramUrl("http", "127.0.0.1", fake.port(), false);
    }

    private static InlineKeyboardMarkup keyboard(String... data) {
        InlineKeyboardRow row = new InlineKeyboardRow();
        for (String d : data) {
            row.add(InlineKeyboardButton.builder().text("Button " + d).callbackData(d).build());
        }
        return InlineKeyboardMarkup.builder().keyboardRow(row).build();
    }

    private static TelegramApiRequestException refused(TelegramApiException e) {
        return assertInstanceOf(TelegramApiRequestException.class, e, "expected an API error answer, got " + e);
    }

    private HttpResponse<String> raw(HttpRequest.Builder req) throws Exception {
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sendsEditsAndAnswersLikeTelegram() throws Exception {
        assertTrue(fake.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+"), fake.baseUrl());
        User me = client.execute(GetMe.builder().build());
        assertEquals(777000L, me.getId());
        assertTrue(me.getIsBot());
        assertEquals("support_test_bot", me.getUserName());

        long before = Instant.now().getEpochSecond();
        Message sent = client.execute(SendMessage.builder().chatId(42L).text("<b>Hello</b> &amp; <i>welcome</i>")
                .parseMode("HTML").replyMarkup(keyboard("yes", "no")).build());
        assertEquals(1, sent.getMessageId());
        assertEquals(42L, sent.getChatId());
        assertTrue(sent.getChat().isUserChat());
        assertEquals("Hello & welcome", sent.getText());
        assertEquals(777000L, sent.getFrom().getId());
        assertTrue(sent.getDate() >= before && sent.getDate() <= Instant.now().getEpochSecond(), "date in seconds: " + sent.getDate());
        assertEquals("yes", sent.getReplyMarkup().getKeyboard().get(0).get(0).getCallbackData());

        FakeBotApi.Sent recorded = fake.awaitSent(s -> s.chatId() == 42, WAIT);
        assertEquals("sendMessage", recorded.method());
        assertEquals("<b>Hello</b> &amp; <i>welcome</i>", recorded.text());
        assertEquals("HTML", recorded.parseMode());
        assertEquals("no", recorded.replyMarkup().at("/inline_keyboard/0/1/callback_data").asText());
        assertEquals(1, fake.sentTo(42).size());
        assertTrue(fake.sentTo(43).isEmpty());

        Message second = client.execute(SendMessage.builder().chatId(42L).text("again").build());
        assertEquals(2, second.getMessageId(), "message ids increase per chat");
        assertEquals(1, client.execute(SendMessage.builder().chatId(43L).text("other chat").build()).getMessageId());

        Serializable edited = client.execute(EditMessageText.builder().chatId(42L).messageId(1).text("Edited").build());
        assertEquals("Edited", assertInstanceOf(Message.class, edited).getText());
        assertNull(((Message) edited).getReplyMarkup(), "an edit without reply_markup removes the keyboard");
        assertEquals(1, fake.edits().size());
        assertEquals("Edited", fake.edits().get(0).text());
        var notModified = refused(assertThrows(TelegramApiException.class,
                () -> client.execute(EditMessageText.builder().chatId(42L).messageId(1).text("Edited").build())));
        assertEquals(400, notModified.getErrorCode());
        assertTrue(notModified.getApiResponse().startsWith("Bad Request: message is not modified"), notModified.getApiResponse());
        var missing = refused(assertThrows(TelegramApiException.class,
                () -> client.execute(EditMessageText.builder().chatId(42L).messageId(99).text("x").build())));
        assertEquals("Bad Request: message to edit not found", missing.getApiResponse());

        // A callback on the first message, fetched with a plain getUpdates call, then answered once.
        long updateId = fake.callback(42, 42, 1, "yes");
        List<Update> updates = client.execute(GetUpdates.builder().build());
        assertEquals(1, updates.size());
        assertEquals((int) updateId, updates.get(0).getUpdateId());
        String queryId = updates.get(0).getCallbackQuery().getId();
        assertTrue(client.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).text("ok").build()));
        assertEquals(List.of(queryId), fake.answeredCallbacks());
        assertEquals(400, refused(assertThrows(TelegramApiException.class,
                () -> client.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).build()))).getErrorCode());

        assertTrue(client.execute(DeleteMessage.builder().chatId(42L).messageId(2).build()));
        assertEquals(List.of(new FakeBotApi.Deleted(42, 2)), fake.deletions());
        assertEquals(1, fake.calls("deleteMessage").size());
        assertEquals("42", fake.calls("DELETEMESSAGE").get(0).get("chat_id").asText());
    }

    @Test
    void filesForumTopicsAndUploads() throws Exception {
        byte[] bytes = "hello file".getBytes(StandardCharsets.UTF_8);
        fake.addFile("doc-1", "documents/hello.txt", bytes);
        File file = client.execute(GetFile.builder().fileId("doc-1").build());
        assertEquals("documents/hello.txt", file.getFilePath());
        assertEquals(bytes.length, file.getFileSize());
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(
                fake.baseUrl() + "/file/bot" + TOKEN + "/" + file.getFilePath())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(bytes, download.body());
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(fake.fileUrl("documents/nope.txt"))).build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode());
        assertEquals("Bad Request: invalid file_id", refused(assertThrows(TelegramApiException.class,
                () -> client.execute(GetFile.builder().fileId("nope").build()))).getApiResponse());

        var notForum = refused(assertThrows(TelegramApiException.class,
                () -> client.execute(CreateForumTopic.builder().chatId(-100500L).name("Ticket 1").build())));
        assertEquals("Bad Request: the chat is not a forum", notForum.getApiResponse());
        fake.registerForum(-100500L);
        ForumTopic topic = client.execute(CreateForumTopic.builder().chatId(-100500L).name("Ticket 1").build());
        assertTrue(topic.getMessageThreadId() >= 100, "thread id " + topic.getMessageThreadId());
        assertEquals("Ticket 1", topic.getName());
        ForumTopic next = client.execute(CreateForumTopic.builder().chatId(-100500L).name("Ticket 2").build());
        assertTrue(next.getMessageThreadId() > topic.getMessageThreadId());
        assertEquals(List.of("-100500/" + topic.getMessageThreadId() + "/Ticket 1", "-100500/" + next.getMessageThreadId() + "/Ticket 2"),
                fake.topics().stream().map(t -> t.chatId() + "/" + t.threadId() + "/" + t.name()).toList());
        Message inTopic = client.execute(SendMessage.builder().chatId(-100500L).messageThreadId(topic.getMessageThreadId())
                .text("in the topic").build());
        assertEquals(topic.getMessageThreadId(), inTopic.getMessageThreadId());
        assertTrue(inTopic.getIsTopicMessage());
        assertTrue(inTopic.getChat().getIsForum());
        assertEquals(topic.getMessageThreadId(), fake.sent().get(0).threadId());
        assertEquals(400, refused(assertThrows(TelegramApiException.class, () -> client.execute(SendMessage.builder()
                .chatId(-100500L).messageThreadId(99999).text("x").build()))).getErrorCode());

        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        Message photo = client.execute(SendPhoto.builder().chatId(42L).caption("a picture")
                .photo(new InputFile(new ByteArrayInputStream(png), "pic.png")).build());
        assertEquals("a picture", photo.getCaption());
        assertEquals(2, photo.getPhoto().size());
        Message doc = client.execute(SendDocument.builder().chatId(-100500L).messageThreadId(topic.getMessageThreadId())
                .caption("the log").document(new InputFile(new ByteArrayInputStream(bytes), "log.txt")).build());
        assertEquals("log.txt", doc.getDocument().getFileName());
        assertEquals(List.of("sendPhoto", "sendDocument"),
                fake.uploads().stream().map(FakeBotApi.Upload::method).toList());
        FakeBotApi.Upload up = fake.uploads().get(0);
        assertEquals("pic.png", up.fileName());
        assertEquals(png.length, up.size());
        assertArrayEquals(png, up.bytes());
        assertEquals(42L, up.chatId());
        FakeBotApi.Upload docUp = fake.uploads().get(1);
        assertEquals(topic.getMessageThreadId(), docUp.threadId());
        assertEquals("the log", docUp.caption());
        assertEquals(bytes.length, docUp.size());
        // Re-sending by file_id (a JSON-less multipart with a plain string) works too.
        Message again = client.execute(SendDocument.builder().chatId(42L).document(new InputFile(doc.getDocument().getFileId())).build());
        assertNotNull(again.getDocument());
        assertEquals(bytes.length, fake.uploads().get(2).size());
    }

    @Test
    void refusesWhatTelegramRefuses() throws Exception {
        var wrongToken = refused(assertThrows(TelegramApiException.class,
                () -> new OkHttpTelegramClient("999:wrong", url()).execute(GetMe.builder().build())));
        assertEquals(401, wrongToken.getErrorCode());
        assertEquals("Unauthorized", wrongToken.getApiResponse());
        HttpResponse<String> unknown = raw(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/bot" + TOKEN + "/fooBar")));
        assertEquals(404, unknown.statusCode());
        assertEquals("Not Found: method not found", json.readTree(unknown.body()).get("description").asText());

        String max = "x".repeat(4096);
        assertEquals(4096, client.execute(SendMessage.builder().chatId(7L).text(max).build()).getText().length());
        var tooLong = refused(assertThrows(TelegramApiException.class,
                () -> client.execute(SendMessage.builder().chatId(7L).text(max + "y").build())));
        assertEquals(400, tooLong.getErrorCode());
        assertEquals("Bad Request: message is too long", tooLong.getApiResponse());
        // Tags do not count towards the limit.
        client.execute(SendMessage.builder().chatId(7L).text("<b>" + max + "</b>").parseMode("HTML").build());
        for (String badHtml : List.of("<b>bold", "<b>x</i>", "<foo>x</foo>", "1 < 2", "Q&A", "</b>", "<span>x</span>")) {
            var e = refused(assertThrows(TelegramApiException.class,
                    () -> client.execute(SendMessage.builder().chatId(7L).text(badHtml).parseMode("HTML").build()), badHtml));
            assertEquals(400, e.getErrorCode(), badHtml);
            assertTrue(e.getApiResponse().startsWith("Bad Request: can't parse entities: "), e.getApiResponse());
        }
        for (String goodHtml : List.of("<a href=\"https://x.y/?a=1&amp;b=2\">link</a>", "<pre><code class=\"language-java\">x</code></pre>",
                "<span class=\"tg-spoiler\">s</span> <tg-spoiler>t</tg-spoiler> &#128512; &lt;3", "<blockquote expandable>q</blockquote>")) {
            client.execute(SendMessage.builder().chatId(7L).text(goodHtml).parseMode("HTML").build());
        }
        // The same text without parse_mode is fine.
        client.execute(SendMessage.builder().chatId(7L).text("1 < 2 & Q&A").build());

        HttpResponse<String> noText = raw(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/bot" + TOKEN + "/sendMessage?chat_id=7")));
        assertEquals(400, noText.statusCode());
        assertEquals("Bad Request: message text is empty", json.readTree(noText.body()).get("description").asText());

        fake.failNext("sendMessage", 1, 7);
        int sentBefore = fake.sentCount();
        var flood = refused(assertThrows(TelegramApiException.class,
                () -> client.execute(SendMessage.builder().chatId(7L).text("flood").build())));
        assertEquals(429, flood.getErrorCode());
        assertEquals(7, flood.getParameters().getRetryAfter());
        assertEquals("Too Many Requests: retry after 7", flood.getApiResponse());
        assertEquals(sentBefore, fake.sentCount(), "a 429 call is not carried out");
        client.execute(SendMessage.builder().chatId(7L).text("flood").build());
        assertEquals(1, fake.tooManyRequestsAnswered());

        fake.enforceRateLimits(1, 30);
        client.execute(SendMessage.builder().chatId(8L).text("one").build());
        var limited = refused(assertThrows(TelegramApiException.class,
                () -> client.execute(SendMessage.builder().chatId(8L).text("two").build())));
        assertEquals(1, limited.getParameters().getRetryAfter());
        client.execute(SendMessage.builder().chatId(9L).text("another chat is fine").build());
        assertEquals(1, fake.rateLimitRejections());
        assertEquals(2, fake.tooManyRequestsAnswered());
    }

    @Test
    void acceptsFormsQueriesAndAnyCase() throws Exception {
        String markup = "{\"inline_keyboard\":[[{\"text\":\"A\",\"callback_data\":\"a\"}]]}";
        String form = "chat_id=5&text=" + URLEncoder.encode("héllo form", StandardCharsets.UTF_8)
                + "&reply_markup=" + URLEncoder.encode(markup, StandardCharsets.UTF_8);
        HttpResponse<String> res = raw(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/bot" + TOKEN + "/SENDMESSAGE"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(200, res.statusCode(), res.body());
        JsonNode result = json.readTree(res.body()).get("result");
        assertEquals("héllo form", result.get("text").asText());
        assertEquals("private", result.at("/chat/type").asText());
        assertEquals("a", fake.sent().get(0).replyMarkup().at("/inline_keyboard/0/0/callback_data").asText());

        HttpResponse<String> get = raw(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/bot" + TOKEN
                + "/sendmessage?chat_id=-1001&text=hi%20group")));
        assertEquals(200, get.statusCode(), get.body());
        assertEquals("supergroup", json.readTree(get.body()).at("/result/chat/type").asText());
        assertEquals(2, fake.sentCount());
        HttpResponse<String> me = raw(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/bot" + TOKEN + "/getme")));
        assertTrue(json.readTree(me.body()).get("ok").asBoolean());
    }

    @Test
    void webhookDeliveryAndConflictWithGetUpdates() throws Exception {
        List<String> secrets = new CopyOnWriteArrayList<>();
        List<JsonNode> bodies = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String secret = exchange.getRequestHeaders().getFirst("X-Telegram-Bot-Api-Secret-Token");
            secrets.add(String.valueOf(secret));
            JsonNode update = json.readTree(exchange.getRequestBody().readAllBytes());
            bodies.add(update);
            byte[] answer = new byte[0];
            int status = "s3cret_-X".equals(secret) ? 200 : 403;
            if (status == 200 && update.at("/message/text").asText().equals("ping")) {
                answer = ("{\"method\":\"sendmessage\",\"chat_id\":\"" + update.at("/message/chat/id").asLong()
                        + "\",\"text\":\"pong\"}").getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        receiver.start();
        try {
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            assertTrue(client.execute(SetWebhook.builder().url(hook).secretToken("s3cret_-X").build()));
            assertEquals(hook, fake.webhookUrl());
            assertEquals("s3cret_-X", fake.webhookSecret());
            assertEquals(hook, client.execute(GetWebhookInfo.builder().build()).getUrl());

            var conflict = refused(assertThrows(TelegramApiException.class,
                    () -> client.execute(GetUpdates.builder().timeout(0).build())));
            assertEquals(409, conflict.getErrorCode());
            assertTrue(conflict.getApiResponse().startsWith("Conflict: can't use getUpdates method while webhook is active"));

            long id = fake.userText(1001, "ping");
            assertEquals(1, bodies.size());
            assertEquals(id, bodies.get(0).get("update_id").asLong());
            assertEquals("s3cret_-X", secrets.get(0));
            assertEquals(200, fake.webhookDeliveries().get(0).status());
            assertEquals(0, fake.pendingUpdates(), "webhook updates are not queued");
            assertEquals("pong", fake.awaitSent(s -> s.chatId() == 1001, WAIT).text(),
                    "a method returned in the webhook response is carried out");

            assertEquals(200, fake.pushUpdate("{\"message\":{\"message_id\":50,\"date\":1700000000,"
                    + "\"chat\":{\"id\":5,\"type\":\"private\"},\"text\":\"raw\"}}"));
            assertEquals(403, fake.postToWebhook(hook, "wrong", fake.userTextUpdateJson(1001, "forged")));
            assertEquals(403, fake.postToWebhook(hook, null, fake.userTextUpdateJson(1001, "forged")));
            assertEquals(List.of("s3cret_-X", "s3cret_-X", "wrong", "null"), secrets);

            assertTrue(client.execute(DeleteWebhook.builder().build()));
            assertNull(fake.webhookUrl());
            fake.userText(1001, "queued now");
            assertEquals(1, fake.pendingUpdates());
            assertEquals(FakeBotApi.QUEUED, fake.pushUpdate("{\"message\":{\"message_id\":51,\"date\":1700000000,"
                    + "\"chat\":{\"id\":5,\"type\":\"private\"},\"text\":\"raw 2\"}}"));
            assertEquals(2, fake.pendingUpdates());
            assertEquals(4, bodies.size(), "nothing more was posted after deleteWebhook");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void longPollingSessionReceivesUpdatesAndConfirmsThem() throws Exception {
        long text = fake.userText(1001, "hello bot", "de");
        byte[] photoBytes = new byte[400];
        Arrays.fill(photoBytes, (byte) 7);
        long photo = fake.userPhoto(1002, "photo-1", photoBytes, "my screenshot");
        Message botMessage = client.execute(SendMessage.builder().chatId(1001L).text("choose").replyMarkup(keyboard("a")).build());
        long callback = fake.callback(1001, 1001, botMessage.getMessageId(), "a");
        assertEquals(3, fake.pendingUpdates());

        List<Update> received = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication(ObjectMapper::new,
                new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator(), () -> executor);
        try {
            app.registerBot(TOKEN, this::url, offset -> GetUpdates.builder().offset(offset + 1).timeout(1).build(),
                    received::addAll);
            fake.awaitCondition(() -> received.size() >= 3, WAIT, "three updates");
            fake.awaitCondition(() -> fake.getUpdatesOffsets().contains(callback + 1), WAIT, "the updates to be confirmed");
            assertEquals(0, fake.pendingUpdates());
            assertFalse(fake.calls("deleteWebhook").isEmpty(), "the session deletes any webhook first");
            List<Long> offsets = fake.getUpdatesOffsets();
            assertEquals(1L, offsets.get(0));
            for (int i = 1; i < offsets.size(); i++) {
                assertTrue(offsets.get(i) >= offsets.get(i - 1), "offsets never go back: " + offsets);
            }

            Update first = received.get(0);
            assertEquals((int) text, first.getUpdateId());
            Message m = first.getMessage();
            assertEquals("hello bot", m.getText());
            assertEquals(1001L, m.getChatId());
            assertTrue(m.isUserMessage());
            assertEquals("User1001", m.getFrom().getFirstName());
            assertEquals("de", m.getFrom().getLanguageCode());
            assertFalse(m.getFrom().getIsBot());
            long now = Instant.now().getEpochSecond();
            assertTrue(Math.abs(now - m.getDate()) <= 5, "date is in seconds: " + m.getDate());

            Update second = received.get(1);
            assertEquals((int) photo, second.getUpdateId());
            assertEquals("my screenshot", second.getMessage().getCaption());
            assertEquals(2, second.getMessage().getPhoto().size());
            var largest = second.getMessage().getPhoto().get(1);
            assertEquals("photo-1", largest.getFileId());
            assertEquals(photoBytes.length, largest.getFileSize());
            File f = client.execute(GetFile.builder().fileId("photo-1").build());
            assertArrayEquals(photoBytes, http.send(HttpRequest.newBuilder(URI.create(fake.fileUrl(f.getFilePath()))).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body());

            Update third = received.get(2);
            assertEquals((int) callback, third.getUpdateId());
            assertEquals("a", third.getCallbackQuery().getData());
            assertEquals(1001L, third.getCallbackQuery().getFrom().getId());
            Message pressed = assertInstanceOf(Message.class, third.getCallbackQuery().getMessage());
            assertEquals(botMessage.getMessageId(), pressed.getMessageId());
            assertEquals("choose", pressed.getText());

            // A later update arrives during a long poll, without waiting out the timeout.
            long late = fake.groupText(-100777, 1003, "/help@support_test_bot please");
            fake.awaitCondition(() -> received.size() >= 4, Duration.ofMillis(900), "the update queued during a poll");
            Message group = received.get(3).getMessage();
            assertEquals((int) late, received.get(3).getUpdateId());
            assertTrue(group.isSuperGroupMessage());
            assertEquals("bot_command", group.getEntities().get(0).getType());
            assertEquals("/help@support_test_bot".length(), group.getEntities().get(0).getLength());
            // telegrambots quirk: isCommand()/getCommand() read MessageEntity.text, which only getEntities() fills in.
            assertTrue(group.isCommand());
            assertEquals("/help@support_test_bot", group.getCommand());
        } finally {
            // Stop polling, then let the fake release the poll in flight so the session ends without an error.
            app.close();
            fake.close();
            executor.shutdown();
            assertTrue(executor.awaitTermination(3, TimeUnit.SECONDS));
        }
    }

    @Test
    void topicMessagesAndCallbacksCarryTheThread() throws Exception {
        fake.registerForum(-100900);
        ForumTopic topic = client.execute(CreateForumTopic.builder().chatId(-100900L).name("Ticket 9").build());
        int thread = topic.getMessageThreadId();
        Message botMsg = client.execute(SendMessage.builder().chatId(-100900L).messageThreadId(thread).text("pick")
                .replyMarkup(keyboard("x")).build());
        fake.topicText(-100900, thread, 1004, "in topic");
        fake.callbackInTopic(1004, -100900, thread, botMsg.getMessageId(), "x");
        fake.groupReplyToBot(-100900, 1004, "reply", botMsg.getMessageId());
        List<Update> updates = client.execute(GetUpdates.builder().build());
        assertEquals(3, updates.size());
        Message topicMsg = updates.get(0).getMessage();
        assertEquals(thread, topicMsg.getMessageThreadId());
        assertTrue(topicMsg.getIsTopicMessage());
        assertEquals(thread, topicMsg.getReplyToMessage().getMessageId(), "topic messages reply to the topic's service message");
        assertEquals("Ticket 9", topicMsg.getReplyToMessage().getForumTopicCreated().getName());
        Message cbMsg = (Message) updates.get(1).getCallbackQuery().getMessage();
        assertEquals(thread, cbMsg.getMessageThreadId());
        Message reply = updates.get(2).getMessage();
        assertEquals(777000L, reply.getReplyToMessage().getFrom().getId());
        assertEquals("pick", reply.getReplyToMessage().getText());
        // Confirming with an offset removes them.
        client.execute(GetUpdates.builder().offset(updates.get(2).getUpdateId() + 1).timeout(0).build());
        assertEquals(0, fake.pendingUpdates());
        assertEquals(List.of(0L, (long) updates.get(2).getUpdateId() + 1), fake.getUpdatesOffsets());
    }
}

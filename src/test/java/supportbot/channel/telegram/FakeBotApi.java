package supportbot.channel.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake of the Telegram Bot API on 127.0.0.1, close enough to the real one that the real telegrambots client and
 * long-polling session can be driven against it.
 *
 * <p>It speaks {@code POST|GET /bot<token>/<method>} (JSON, x-www-form-urlencoded, multipart or query parameters,
 * method names case-insensitive) and {@code GET /file/bot<token>/<file_path>}. Answers are {@code {"ok":true,"result":..}}
 * or {@code {"ok":false,"error_code":..,"description":..}} with the same HTTP status as error_code, as Telegram does.
 * Dates are Unix seconds.
 *
 * <p>Tests queue updates ({@link #userText}, {@link #callback}, ...) and then look at what the bot did
 * ({@link #sent()}, {@link #edits()}, {@link #calls(String)}, ...). While a webhook is set, updates are POSTed to it instead
 * of being queued. All state sits behind one monitor; every change wakes up waiters.
 */
public final class FakeBotApi implements AutoCloseable {
    public static final long BOT_ID = 777000L;
    public static final String BOT_USERNAME = "support_test_bot";
    public static final String BOT_FIRST_NAME = "Support Bot";
    /** Telegram's limit for message text, in UTF-16 code units after entity parsing. */
    public static final int MAX_TEXT = 4096;
    /** Telegram's limit for a media caption. */
    public static final int MAX_CAPTION = 1024;
    /** What {@link #pushUpdate} answers when no webhook is set and the update was queued for getUpdates. */
    public static final int QUEUED = 0;

    /**
     * A message the bot sent or edited. For sendPhoto/sendDocument, text is the caption. atNanos is the
     * System.nanoTime at which the fake accepted it, for telling apart what a crashed bot had on the wire.
     */
    public record Sent(String method, long chatId, Integer threadId, long messageId, String text, String parseMode,
                       JsonNode replyMarkup, JsonNode request, long atNanos) {
    }

    /** The callback data of a message's buttons, as the bot sent it (signed). */
    public static List<String> callbackData(Sent s) {
        var out = new ArrayList<String>();
        JsonNode markup = s.replyMarkup();
        if (markup != null && markup.has("inline_keyboard")) {
            markup.get("inline_keyboard").forEach(row -> row.forEach(b -> {
                if (b.has("callback_data")) {
                    out.add(b.get("callback_data").asText());
                }
            }));
        }
        return out;
    }

    /** The payloads behind a message's buttons: the callback data without the bot's signature. */
    public static List<String> payloads(Sent s) {
        return callbackData(s).stream().map(d -> d.contains("~") ? d.substring(0, d.lastIndexOf('~')) : d).toList();
    }

    /** A forum topic the bot created (or that a test update mentioned), and the System.nanoTime it was made. */
    public record Topic(long chatId, int threadId, String name, long atNanos) {
    }

    /** A file the bot sent with sendPhoto/sendDocument. size is -1 for a URL the fake did not fetch. */
    public record Upload(String method, long chatId, Integer threadId, String caption, String fileName, long size,
                         String fileId, byte[] bytes) {
    }

    /** A message the bot deleted. */
    public record Deleted(long chatId, long messageId) {
    }

    /** One webhook POST the fake made. status is -1 when the connection failed. */
    public record Delivery(long updateId, String url, int status, String responseBody) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Fields Telegram documents as "JSON-serialized": in forms and multipart they arrive as strings. */
    private static final Set<String> JSON_FIELDS = Set.of("reply_markup", "reply_parameters", "allowed_updates",
            "entities", "caption_entities", "link_preview_options", "commands", "scope", "menu_button", "media");
    private static final Pattern COMMAND = Pattern.compile("^/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?");
    private static final Pattern MENTION = Pattern.compile("@[A-Za-z0-9_]{5,32}");
    private static final Pattern BOT_COMMAND_NAME = Pattern.compile("[a-z0-9_]{1,32}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final String token;
    private final Javalin app;
    private final HttpClient webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, ApiMethod> methods = new HashMap<>();

    // --- state, guarded by lock ---
    private final Object lock = new Object();
    private boolean closed;
    private long nextUpdateId = 1;
    private int nextThreadId = 100;
    private long nextFileNo = 1;
    private long nextCallbackNo = 1;
    private final Deque<ObjectNode> queue = new ArrayDeque<>();
    private Set<String> allowedUpdates = Set.of();
    private long pollGeneration;
    private int activePolls;
    private final Map<Long, Long> lastMessageId = new HashMap<>();
    private final Map<Long, Map<Long, ObjectNode>> messages = new HashMap<>();
    private final Set<Long> forums = new HashSet<>();
    private final Set<Long> blocked = new HashSet<>();
    private final Map<String, StoredFile> files = new HashMap<>();
    private final Map<String, StoredFile> filesByPath = new HashMap<>();
    private final Set<String> openCallbacks = new HashSet<>();
    private final List<Sent> sent = new ArrayList<>();
    /** The same, by chat: benches with a thousand users ask for their chat's messages many times a second. */
    private final Map<Long, List<Sent>> sentByChat = new HashMap<>();
    private final List<Sent> edits = new ArrayList<>();
    private final List<Upload> uploads = new ArrayList<>();
    private final List<Deleted> deleted = new ArrayList<>();
    private final List<Topic> topics = new ArrayList<>();
    private final Map<String, List<JsonNode>> calls = new HashMap<>();
    private final List<String> answeredCallbacks = new ArrayList<>();
    private final List<Long> getUpdatesOffsets = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final Map<String, int[]> failures = new HashMap<>();
    /** Methods whose calls hang (outside the lock, so other calls go on) until released. */
    private final Map<String, java.util.concurrent.CountDownLatch> holds = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> hanging = new java.util.concurrent.ConcurrentHashMap<>();
    private boolean refuseDeletes;
    private final java.util.Set<String> brokenFiles = new java.util.HashSet<>();
    private final Map<Long, Deque<Long>> chatSends = new HashMap<>();
    private final Deque<Long> botSends = new ArrayDeque<>();
    private int perChatPerSecond;
    private int perBotPerSecond;
    private long rateLimitRejections;
    private long tooManyRequests;
    private String webhookUrl;
    private String webhookSecret;
    /** Set by {@link #deliverWebhooksLikeTelegram}: updates are then posted in the background, with retries. */
    private WebhookQueue webhookQueue;
    private JsonNode commands = NODES.arrayNode();

    private record StoredFile(String fileId, String uniqueId, String path, byte[] bytes) {
    }

    private static final class ApiError extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;
        final Integer retryAfter;

        ApiError(int code, String description, Integer retryAfter) {
            super(description, null, false, false);
            this.code = code;
            this.retryAfter = retryAfter;
        }
    }

    @FunctionalInterface
    private interface ApiMethod {
        JsonNode call(ObjectNode params, Map<String, UploadedPart> uploads) throws ApiError;
    }

    private record UploadedPart(String fileName, byte[] bytes) {
    }

    private FakeBotApi(String token) {
        this.token = token;
        registerMethods();
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = 60L * 1024 * 1024;
            cfg.jetty.multipartConfig.maxFileSize(55, SizeUnit.MB);
            cfg.jetty.multipartConfig.maxTotalRequestSize(60, SizeUnit.MB);
            cfg.routes.get("/{bot}/{method}", this::handleApi);
            cfg.routes.post("/{bot}/{method}", this::handleApi);
            cfg.routes.get("/file/{bot}/<path>", this::handleFile);
        });
        app.start("127.0.0.1", 0);
    }

    /** Starts a fake for this token on a free port of 127.0.0.1. */
    public static FakeBotApi start(String token) {
        return new FakeBotApi(token);
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return app.port();
    }

    public String token() {
        return token;
    }

    /** The URL the bot downloads a file from (telegrambots' File.getFileUrl always points at api.telegram.org). */
    public String fileUrl(String filePath) {
        return baseUrl() + "/file/bot" + token + "/" + filePath;
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (webhookQueue != null) {
                webhookQueue.close();
            }
            lock.notifyAll();
            // Let long polls in flight answer (an empty list) before the server goes away, so a bot session that was
            // stopped just before does not log a broken connection.
            long deadline = System.nanoTime() + 2_000_000_000L;
            boolean hadPolls = activePolls > 0;
            while (activePolls > 0 && System.nanoTime() < deadline) {
                waitOn(deadline - System.nanoTime());
            }
            if (hadPolls) {
                waitOn(50_000_000L);
            }
        }
        app.stop();
    }

    // ------------------------------------------------------------------ building updates

    /** A private text message from a user (chat id == user id, language "en"). Returns the update_id. */
    public long userText(long userId, String text) {
        return userText(userId, text, "en");
    }

    public long userText(long userId, String text, String languageCode) {
        return deliver(update("message", userTextMessage(userId, text, languageCode)));
    }

    /** The user edits their earlier private message messageId to text: an edited_message update. */
    public long userEdit(long userId, long messageId, String text) {
        ObjectNode m = NODES.objectNode();
        synchronized (lock) {
            m.put("message_id", messageId);
            m.set("from", user(userId, "en"));
            m.set("chat", chat(userId));
        }
        m.put("date", now()).put("edit_date", now()).put("text", text);
        return deliver(update("edited_message", m));
    }

    /** A private photo from a user; registers the file (largest size = the bytes, a smaller thumbnail too). */
    public long userPhoto(long userId, String fileId, byte[] bytes, String caption) {
        ObjectNode m = newMessage(userId, user(userId, "en"), null);
        m.set("photo", photoSizes(fileId, bytes));
        if (caption != null) {
            m.put("caption", caption);
        }
        return deliver(update("message", remember(m)));
    }

    /** A private document from a user; registers the file under documents/&lt;fileName&gt;. */
    public long userDocument(long userId, String fileId, String fileName, String mimeType, byte[] bytes, String caption) {
        ObjectNode m = newMessage(userId, user(userId, "en"), null);
        StoredFile f = addFileInternal(fileId, "documents/" + nextFileNo() + "_" + fileName, bytes);
        ObjectNode doc = m.putObject("document");
        doc.put("file_id", f.fileId()).put("file_unique_id", f.uniqueId()).put("file_name", fileName)
                .put("mime_type", mimeType).put("file_size", (long) bytes.length);
        if (caption != null) {
            m.put("caption", caption);
        }
        return deliver(update("message", remember(m)));
    }

    /** A text message in a supergroup; a leading /cmd gets a bot_command entity and @usernames get mention entities. */
    public long groupText(long chatId, long userId, String text) {
        return deliver(update("message", remember(groupMessage(chatId, userId, text, null))));
    }

    /** A group message replying to an earlier bot message (reply_to_message is that message, or a stand-in). */
    public long groupReplyToBot(long chatId, long userId, String text, long repliedMessageId) {
        ObjectNode m = groupMessage(chatId, userId, text, null);
        ObjectNode replied;
        synchronized (lock) {
            ObjectNode known = messages.getOrDefault(chatId, Map.of()).get(repliedMessageId);
            replied = known != null ? known.deepCopy() : botStandIn(chatId, null, repliedMessageId, "");
        }
        replied.remove("reply_to_message");
        m.set("reply_to_message", replied);
        return deliver(update("message", remember(m)));
    }

    /**
     * A message in a forum topic. Like the real Telegram, a topic message that replies to nothing carries
     * reply_to_message = the topic's service message (message_id == thread id, forum_topic_created).
     */
    public long topicText(long forumChatId, int threadId, long userId, String text) {
        ObjectNode m;
        synchronized (lock) {
            forums.add(forumChatId);
            knowTopic(forumChatId, threadId, "Topic " + threadId);
        }
        m = groupMessage(forumChatId, userId, text, threadId);
        m.set("reply_to_message", topicServiceMessage(forumChatId, threadId));
        return deliver(update("message", remember(m)));
    }

    /** {@link #topicText}, returning the new message's id instead of the update's. */
    public long topicMessage(long forumChatId, int threadId, long userId, String text) {
        ObjectNode m;
        synchronized (lock) {
            forums.add(forumChatId);
            knowTopic(forumChatId, threadId, "Topic " + threadId);
        }
        m = groupMessage(forumChatId, userId, text, threadId);
        m.set("reply_to_message", topicServiceMessage(forumChatId, threadId));
        long messageId = m.path("message_id").asLong();
        deliver(update("message", remember(m)));
        return messageId;
    }

    /** Someone edits their message in a forum topic: an edited_message update with edit_date. */
    public long topicEdit(long forumChatId, int threadId, long userId, long messageId, String text) {
        ObjectNode m = groupMessage(forumChatId, userId, text, threadId);
        m.put("message_id", messageId).put("edit_date", now());
        m.set("reply_to_message", topicServiceMessage(forumChatId, threadId));
        return deliver(update("edited_message", m));
    }

    /** A callback_query from pressing an inline button on message messageId in chatId. */
    public long callback(long userId, long chatId, long messageId, String data) {
        return deliver(update("callback_query", callbackQuery(userId, chatId, null, messageId, data)));
    }

    public long callbackInTopic(long userId, long forumChatId, int threadId, long messageId, String data) {
        synchronized (lock) {
            forums.add(forumChatId);
            knowTopic(forumChatId, threadId, "Topic " + threadId);
        }
        return deliver(update("callback_query", callbackQuery(userId, forumChatId, threadId, messageId, data)));
    }

    /** Escape hatch: any update JSON without update_id; the fake assigns the id and queues (or webhooks) it. */
    public long pushRaw(String updateJsonWithoutId) {
        return deliver(parseObject(updateJsonWithoutId));
    }

    /**
     * Like {@link #pushRaw} but answers how the webhook took it: the HTTP status of the POST (-1 if it could not connect),
     * or {@link #QUEUED} when no webhook is set and the update went to the getUpdates queue.
     */
    public int pushUpdate(String updateJsonWithoutId) {
        long id = deliver(parseObject(updateJsonWithoutId));
        synchronized (lock) {
            for (int i = deliveries.size() - 1; i >= 0; i--) {
                if (deliveries.get(i).updateId() == id) {
                    return deliveries.get(i).status();
                }
            }
        }
        return QUEUED;
    }

    /** A complete text-message update (with a fresh update_id) that is NOT queued: for {@link #postToWebhook}. */
    public String userTextUpdateJson(long userId, String text) {
        ObjectNode u = update("message", userTextMessage(userId, text, "en"));
        synchronized (lock) {
            u.put("update_id", nextUpdateId++);
        }
        return u.toString();
    }

    /** POSTs exactly this JSON to a URL with the given secret header (none if null); returns the status, -1 on I/O failure. */
    public int postToWebhook(String url, String secretHeaderOrNull, String updateJson) {
        return post(url, secretHeaderOrNull, updateJson).status();
    }

    /** Marks a (negative-id) supergroup as a forum: is_forum=true and createForumTopic works. */
    public void registerForum(long chatId) {
        synchronized (lock) {
            forums.add(chatId);
            lock.notifyAll();
        }
    }

    /** getFile for this file id answers 500 (a transient error to the bot) until {@link #repairFile}. */
    public void breakFile(String fileId) {
        synchronized (lock) {
            brokenFiles.add(fileId);
        }
    }

    public void repairFile(String fileId) {
        synchronized (lock) {
            brokenFiles.remove(fileId);
        }
    }

    /** Registers a downloadable file (getFile + /file/bot&lt;token&gt;/&lt;filePath&gt;). */
    public void addFile(String fileId, String filePath, byte[] bytes) {
        addFileInternal(fileId, filePath, bytes);
    }

    /**
     * Drops everything recorded so far (sent messages, calls, known messages): a long soak measures the bot's
     * memory, not the fake's history. Queued updates and rate-limit windows stay.
     */
    public void forgetHistory() {
        synchronized (lock) {
            sent.clear();
            sentByChat.clear();
            edits.clear();
            uploads.clear();
            deleted.clear();
            calls.clear();
            answeredCallbacks.clear();
            getUpdatesOffsets.clear();
            deliveries.clear();
            messages.clear();
        }
    }

    /** From now on, sending to this private chat answers 403 "Forbidden: bot was blocked by the user". */
    public void blockUser(long userId) {
        synchronized (lock) {
            blocked.add(userId);
        }
    }

    // ------------------------------------------------------------------ what the bot did

    /** sendMessage/sendPhoto/sendDocument that succeeded, in order. */
    public List<Sent> sent() {
        synchronized (lock) {
            return List.copyOf(sent);
        }
    }

    public List<Sent> sentTo(long chatId) {
        synchronized (lock) {
            return List.copyOf(sentByChat.getOrDefault(chatId, List.of()));
        }
    }

    /** How many messages were sent so far, without copying them. */
    public int sentCount() {
        synchronized (lock) {
            return sent.size();
        }
    }

    /** Called with the lock held. */
    private void record(Sent message) {
        sent.add(message);
        sentByChat.computeIfAbsent(message.chatId(), c -> new ArrayList<>()).add(message);
    }

    /** editMessageText/editMessageReplyMarkup that succeeded, in order (text = the message text after the edit). */
    public List<Sent> edits() {
        synchronized (lock) {
            return List.copyOf(edits);
        }
    }

    /** Every request of a method (any case) as normalized JSON, including ones answered with an error. */
    public List<JsonNode> calls(String method) {
        synchronized (lock) {
            return List.copyOf(calls.getOrDefault(method.toLowerCase(Locale.ROOT), List.of()));
        }
    }

    public List<String> answeredCallbacks() {
        synchronized (lock) {
            return List.copyOf(answeredCallbacks);
        }
    }

    /** The offset of every getUpdates call in order (0 when none was given). */
    public List<Long> getUpdatesOffsets() {
        synchronized (lock) {
            return List.copyOf(getUpdatesOffsets);
        }
    }

    public List<Topic> topics() {
        synchronized (lock) {
            return List.copyOf(topics);
        }
    }

    public List<Upload> uploads() {
        synchronized (lock) {
            return List.copyOf(uploads);
        }
    }

    public List<Deleted> deletions() {
        synchronized (lock) {
            return List.copyOf(deleted);
        }
    }

    public List<Delivery> webhookDeliveries() {
        synchronized (lock) {
            return List.copyOf(deliveries);
        }
    }

    /** The current state of a message in a chat (after edits), or null if unknown or deleted. */
    public JsonNode message(long chatId, long messageId) {
        synchronized (lock) {
            ObjectNode m = messages.getOrDefault(chatId, Map.of()).get(messageId);
            return m == null ? null : m.deepCopy();
        }
    }

    /** Waits for the first sent message matching; throws AssertionError listing everything sent if none comes. */
    public Sent awaitSent(Predicate<Sent> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                for (Sent s : sent) {
                    if (match.test(s)) {
                        return s;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no matching message was sent within " + timeout + "; sent: " + describe(sent));
                }
                waitOn(left);
            }
        }
    }

    /** Waits until cond holds (checked on every fake event and at least every 20 ms). */
    public void awaitCondition(BooleanSupplier cond, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!cond.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                List<Sent> s = sent();
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; sent: " + describe(s));
            }
            synchronized (lock) {
                waitOn(Math.min(left, 20_000_000L));
            }
        }
    }

    /**
     * From now on a webhook gets updates as Telegram sends them, not one synchronous POST per update: in the
     * background, each retried until answered 2xx (waits doubling from 100 ms to 2 s), one at a time per chat
     * and in order, at most {@code maxConnections} at once. For benches with instances behind a load balancer.
     */
    public void deliverWebhooksLikeTelegram(int maxConnections) {
        synchronized (lock) {
            if (webhookQueue == null) {
                webhookQueue = new WebhookQueue(maxConnections, this::postToCurrentWebhook, Duration.ofMillis(100),
                        Duration.ofSeconds(2));
            }
        }
    }

    /** Updates the webhook has not yet taken with a 2xx (with {@link #deliverWebhooksLikeTelegram}). */
    public long webhookBacklog() {
        WebhookQueue q;
        synchronized (lock) {
            q = webhookQueue;
        }
        return q == null ? 0 : q.backlog();
    }

    /** Webhook POSTs that failed and were retried (with {@link #deliverWebhooksLikeTelegram}). */
    public long webhookFailedPosts() {
        WebhookQueue q;
        synchronized (lock) {
            q = webhookQueue;
        }
        return q == null ? 0 : q.failedPosts();
    }

    private Delivery postToCurrentWebhook(long updateId, String json) {
        String url;
        String secret;
        synchronized (lock) {
            url = webhookUrl;
            secret = webhookSecret;
        }
        if (url == null) {
            return new Delivery(updateId, null, -1, "no webhook set");
        }
        Delivery d = post(url, secret, json);
        Delivery recorded = new Delivery(updateId, url, d.status(), d.responseBody());
        synchronized (lock) {
            deliveries.add(recorded);
            lock.notifyAll();
        }
        answerInWebhookResponse(recorded);
        return recorded;
    }

    /** The chat an update belongs to, which Telegram keeps in order. */
    private static long chatOf(JsonNode update) {
        for (String kind : List.of("message", "edited_message")) {
            if (update.has(kind)) {
                return update.get(kind).path("chat").path("id").asLong();
            }
        }
        JsonNode callback = update.path("callback_query");
        if (callback.path("message").has("chat")) {
            return callback.path("message").path("chat").path("id").asLong();
        }
        return callback.path("from").path("id").asLong();
    }

    /** Updates queued and not yet confirmed by a getUpdates offset. */
    public long pendingUpdates() {
        synchronized (lock) {
            return queue.size();
        }
    }

    public String webhookUrl() {
        synchronized (lock) {
            return webhookUrl;
        }
    }

    public String webhookSecret() {
        synchronized (lock) {
            return webhookSecret;
        }
    }

    /** The next {@code times} calls of method (any case) answer 429 with retry_after and are not carried out. */
    public void failNext(String method, int times, int retryAfterSeconds) {
        synchronized (lock) {
            failures.put(method.toLowerCase(Locale.ROOT), new int[] {times, retryAfterSeconds});
        }
    }

    /**
     * From now on calls of method (any case) hang, as on a slow Telegram, until {@link #release} or for at most
     * 30 s; other methods are answered meanwhile.
     */
    public void hold(String method) {
        holds.put(method.toLowerCase(Locale.ROOT), new java.util.concurrent.CountDownLatch(1));
    }

    public void release(String method) {
        var latch = holds.remove(method.toLowerCase(Locale.ROOT));
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Calls of method hanging right now in {@link #hold}. */
    public int hanging(String method) {
        var n = hanging.get(method.toLowerCase(Locale.ROOT));
        return n == null ? 0 : n.get();
    }

    /**
     * deleteMessage answers "message can't be deleted", as Telegram does for a private message older than 48 h
     * or a group message when the bot is not an admin with the right.
     */
    public void refuseDeletes(boolean refuse) {
        synchronized (lock) {
            refuseDeletes = refuse;
        }
    }

    /** Turns on Telegram-like flood limits for send* methods (sliding 1 s windows); 0 switches a limit off. */
    public void enforceRateLimits(int perChatPerSecond, int perBotPerSecond) {
        synchronized (lock) {
            this.perChatPerSecond = perChatPerSecond;
            this.perBotPerSecond = perBotPerSecond;
        }
    }

    /** 429s caused by {@link #enforceRateLimits}. */
    public long rateLimitRejections() {
        synchronized (lock) {
            return rateLimitRejections;
        }
    }

    /** All 429s answered, whether from failNext or the rate limits. */
    public long tooManyRequestsAnswered() {
        synchronized (lock) {
            return tooManyRequests;
        }
    }

    // ------------------------------------------------------------------ HTTP

    private void handleApi(Context ctx) {
        String seg = ctx.pathParam("bot");
        if (!seg.startsWith("bot")) {
            answer(ctx, error(404, "Not Found", null));
            return;
        }
        if (!seg.substring(3).equals(token)) {
            answer(ctx, error(401, "Unauthorized", null));
            return;
        }
        String method = ctx.pathParam("method").toLowerCase(Locale.ROOT);
        if (!methods.containsKey(method)) {
            answer(ctx, error(404, "Not Found: method not found", null));
            return;
        }
        var held = holds.get(method);
        if (held != null) {
            var n = hanging.computeIfAbsent(method, k -> new java.util.concurrent.atomic.AtomicInteger());
            n.incrementAndGet();
            try {
                held.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                n.decrementAndGet();
            }
        }
        ObjectNode params;
        Map<String, UploadedPart> parts = new HashMap<>();
        try {
            params = readParams(ctx, parts);
        } catch (ApiError e) {
            answer(ctx, error(e.code, e.getMessage(), e.retryAfter));
            return;
        }
        answer(ctx, invoke(method, params, parts));
    }

    private void handleFile(Context ctx) {
        String seg = ctx.pathParam("bot");
        if (!seg.equals("bot" + token)) {
            answer(ctx, error(401, "Unauthorized", null));
            return;
        }
        StoredFile f;
        synchronized (lock) {
            f = filesByPath.get(ctx.pathParam("path"));
        }
        if (f == null) {
            answer(ctx, error(404, "Not Found", null));
            return;
        }
        String type = URLConnection.guessContentTypeFromName(f.path());
        ctx.status(200).contentType(type == null ? "application/octet-stream" : type).result(f.bytes());
    }

    private record Answer(int status, ObjectNode body) {
    }

    private static void answer(Context ctx, Answer a) {
        ctx.status(a.status()).contentType("application/json").result(a.body().toString());
    }

    private static Answer error(int code, String description, Integer retryAfter) {
        ObjectNode body = NODES.objectNode().put("ok", false).put("error_code", code).put("description", description);
        if (retryAfter != null) {
            body.putObject("parameters").put("retry_after", retryAfter);
        }
        return new Answer(code, body);
    }

    /** Query parameters, then the body (JSON, urlencoded or multipart), normalized to one JSON object. */
    private ObjectNode readParams(Context ctx, Map<String, UploadedPart> parts) throws ApiError {
        ObjectNode params = NODES.objectNode();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!v.isEmpty()) {
                params.put(k, v.get(0));
            }
        });
        if (!"POST".equals(ctx.method().name())) {
            return normalize(params);
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            ctx.formParamMap().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    params.put(k, v.get(0));
                }
            });
            for (Map.Entry<String, List<UploadedFile>> e : ctx.uploadedFileMap().entrySet()) {
                UploadedFile f = e.getValue().get(0);
                try (InputStream in = f.content()) {
                    parts.put(e.getKey(), new UploadedPart(f.filename(), in.readAllBytes()));
                } catch (IOException ex) {
                    throw new ApiError(400, "Bad Request: can't read the uploaded file", null);
                }
            }
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            ctx.formParamMap().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    params.put(k, v.get(0));
                }
            });
        } else {
            String body = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8).trim();
            if (!body.isEmpty()) {
                JsonNode node;
                try {
                    node = JSON.readTree(body);
                } catch (JsonProcessingException e) {
                    throw new ApiError(400, "Bad Request: can't parse JSON object", null);
                }
                if (!node.isObject()) {
                    throw new ApiError(400, "Bad Request: JSON object expected", null);
                }
                params.setAll((ObjectNode) node);
            }
        }
        return normalize(params);
    }

    private static ObjectNode normalize(ObjectNode params) throws ApiError {
        for (String f : JSON_FIELDS) {
            JsonNode v = params.get(f);
            if (v != null && v.isTextual()) {
                String s = v.asText().trim();
                if (s.startsWith("{") || s.startsWith("[")) {
                    try {
                        params.set(f, JSON.readTree(s));
                    } catch (JsonProcessingException e) {
                        throw new ApiError(400, "Bad Request: can't parse " + f + " JSON object", null);
                    }
                }
            }
        }
        return params;
    }

    /** Runs one API call: records it, applies injected failures, and produces the answer. */
    private Answer invoke(String method, ObjectNode params, Map<String, UploadedPart> parts) {
        synchronized (lock) {
            try {
                calls.computeIfAbsent(method, k -> new ArrayList<>()).add(params.deepCopy());
                int[] fail = failures.get(method);
                if (fail != null && fail[0] > 0) {
                    fail[0]--;
                    throw new ApiError(429, "Too Many Requests: retry after " + fail[1], fail[1]);
                }
                JsonNode result = methods.get(method).call(params, parts);
                return new Answer(200, NODES.objectNode().put("ok", true).set("result", result));
            } catch (ApiError e) {
                if (e.code == 429) {
                    tooManyRequests++;
                }
                return error(e.code, e.getMessage(), e.retryAfter);
            } finally {
                lock.notifyAll();
            }
        }
    }

    // ------------------------------------------------------------------ methods

    private void registerMethods() {
        methods.put("getme", (p, u) -> botUser());
        methods.put("getupdates", this::getUpdates);
        methods.put("sendmessage", this::sendMessage);
        methods.put("editmessagetext", this::editMessageText);
        methods.put("editmessagereplymarkup", this::editMessageReplyMarkup);
        methods.put("answercallbackquery", this::answerCallbackQuery);
        methods.put("getfile", this::getFile);
        methods.put("createforumtopic", this::createForumTopic);
        methods.put("editforumtopic", this::editForumTopic);
        methods.put("closeforumtopic", this::forumTopicFlag);
        methods.put("reopenforumtopic", this::forumTopicFlag);
        methods.put("deletemessage", this::deleteMessage);
        methods.put("setwebhook", this::setWebhook);
        methods.put("deletewebhook", this::deleteWebhook);
        methods.put("getwebhookinfo", (p, u) -> webhookInfo());
        methods.put("sendphoto", (p, u) -> sendMedia("sendphoto", "photo", p, u));
        methods.put("senddocument", (p, u) -> sendMedia("senddocument", "document", p, u));
        methods.put("sendchataction", (p, u) -> {
            chatId(p);
            if (str(p, "action") == null) {
                throw bad("action is empty");
            }
            return NODES.booleanNode(true);
        });
        methods.put("setmycommands", this::setMyCommands);
        methods.put("deletemycommands", (p, u) -> {
            commands = NODES.arrayNode();
            return NODES.booleanNode(true);
        });
        methods.put("getmycommands", (p, u) -> commands.deepCopy());
        methods.put("setchatmenubutton", (p, u) -> NODES.booleanNode(true));
        methods.put("getchat", (p, u) -> chat(chatId(p)));
        methods.put("getchatmember", (p, u) -> {
            chatId(p);
            long userId = requiredLong(p, "user_id");
            ObjectNode m = NODES.objectNode().put("status", "member");
            m.set("user", userId == BOT_ID ? botUser() : user(userId, null));
            return m;
        });
    }

    private JsonNode getUpdates(ObjectNode p, Map<String, UploadedPart> u) throws ApiError {
        long offset = optLong(p, "offset", 0);
        int limit = (int) Math.max(1, Math.min(100, optLong(p, "limit", 100)));
        long timeout = Math.max(0, Math.min(50, optLong(p, "timeout", 0)));
        getUpdatesOffsets.add(offset);
        if (webhookUrl != null) {
            throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active;"
                    + " use deleteWebhook to delete the webhook first", null);
        }
        JsonNode allowed = p.get("allowed_updates");
        if (allowed != null && allowed.isArray()) {
            Set<String> set = new HashSet<>();
            allowed.forEach(a -> set.add(a.asText()));
            allowedUpdates = set;
        }
        if (offset > 0) {
            queue.removeIf(x -> x.get("update_id").asLong() < offset);
        } else if (offset < 0) {
            while (queue.size() > -offset) {
                queue.removeFirst();
            }
        }
        long generation = ++pollGeneration;
        lock.notifyAll();
        activePolls++;
        try {
            return poll(limit, timeout, generation);
        } finally {
            activePolls--;
            lock.notifyAll();
        }
    }

    private JsonNode poll(int limit, long timeout, long generation) throws ApiError {
        long deadline = System.nanoTime() + timeout * 1_000_000_000L;
        while (true) {
            if (!allowedUpdates.isEmpty()) {
                queue.removeIf(x -> allowedUpdates.stream().noneMatch(x::has));
            }
            ArrayNode result = NODES.arrayNode();
            for (ObjectNode x : queue) {
                if (result.size() >= limit) {
                    break;
                }
                result.add(x.deepCopy());
            }
            long left = deadline - System.nanoTime();
            if (!result.isEmpty() || left <= 0 || closed) {
                return result;
            }
            waitOn(left);
            if (pollGeneration != generation) {
                throw new ApiError(409, "Conflict: terminated by other getUpdates request;"
                        + " make sure that only one bot instance is running", null);
            }
        }
    }

    private JsonNode sendMessage(ObjectNode p, Map<String, UploadedPart> u) throws ApiError {
        long chatId = chatId(p);
        String text = str(p, "text");
        if (text == null) {
            throw bad("message text is empty");
        }
        String parseMode = str(p, "parse_mode");
        String plain = plainText(text, parseMode);
        if (plain.isBlank()) {
            throw bad("message text is empty");
        }
        if (plain.length() > MAX_TEXT) {
            throw bad("message is too long");
        }
        Integer thread = threadFor(chatId, p);
        JsonNode markup = checkMarkup(p.get("reply_markup"));
        replyTarget(chatId, p);
        floodCheck(chatId);
        ObjectNode m = botMessage(chatId, thread);
        m.put("text", plain);
        if (markup != null && markup.has("inline_keyboard")) {
            m.set("reply_markup", markup.deepCopy());
        }
        store(m);
        record(new Sent("sendMessage", chatId, thread, m.get("message_id").asLong(), text, parseMode, markup, p.deepCopy(), System.nanoTime()));
        return m;
    }

    private JsonNode sendMedia(String method, String field, ObjectNode p, Map<String, UploadedPart> u) throws ApiError {
        long chatId = chatId(p);
        String ref = str(p, field);
        if (ref == null && u.containsKey(field)) {
            ref = "attach://" + field;
        }
        if (ref == null || ref.isEmpty()) {
            throw bad("there is no " + field + " in the request");
        }
        String fileName;
        byte[] bytes;
        if (ref.startsWith("attach://")) {
            UploadedPart part = u.get(ref.substring("attach://".length()));
            if (part == null) {
                throw bad("file must be non-empty");
            }
            fileName = part.fileName();
            bytes = part.bytes();
            if (bytes.length == 0) {
                throw bad("file must be non-empty");
            }
        } else if (ref.startsWith("http://") || ref.startsWith("https://")) {
            fileName = ref.substring(ref.lastIndexOf('/') + 1);
            bytes = null;
        } else {
            StoredFile known = files.get(ref);
            if (known == null) {
                throw bad("wrong file identifier/HTTP URL specified");
            }
            fileName = known.path().substring(known.path().lastIndexOf('/') + 1);
            bytes = known.bytes();
        }
        String caption = str(p, "caption");
        String parseMode = str(p, "parse_mode");
        String plainCaption = caption == null ? null : plainText(caption, parseMode);
        if (plainCaption != null && plainCaption.length() > MAX_CAPTION) {
            throw bad("message caption is too long");
        }
        Integer thread = threadFor(chatId, p);
        JsonNode markup = checkMarkup(p.get("reply_markup"));
        replyTarget(chatId, p);
        floodCheck(chatId);
        ObjectNode m = botMessage(chatId, thread);
        byte[] content = bytes == null ? new byte[] {1} : bytes;
        String newId = (field.equals("photo") ? "AgACAgPhoto" : "BQACAgDoc") + nextFileNo();
        if (field.equals("photo")) {
            m.set("photo", photoSizes(newId, content));
        } else {
            StoredFile f = addFileInternal(newId, "documents/" + nextFileNo() + "_" + fileName, content);
            String mime = URLConnection.guessContentTypeFromName(fileName);
            ObjectNode doc = m.putObject("document").put("file_id", f.fileId()).put("file_unique_id", f.uniqueId())
                    .put("file_name", fileName).put("file_size", (long) content.length);
            if (mime != null) {
                doc.put("mime_type", mime);
            }
        }
        if (plainCaption != null && !plainCaption.isEmpty()) {
            m.put("caption", plainCaption);
        }
        if (markup != null && markup.has("inline_keyboard")) {
            m.set("reply_markup", markup.deepCopy());
        }
        store(m);
        String name = field.equals("photo") ? "sendPhoto" : "sendDocument";
        long messageId = m.get("message_id").asLong();
        record(new Sent(name, chatId, thread, messageId, caption, parseMode, markup, p.deepCopy(), System.nanoTime()));
        uploads.add(new Upload(name, chatId, thread, caption, fileName, bytes == null ? -1 : bytes.length,
                newId, bytes == null ? null : bytes.clone()));
        return m;
    }

    private JsonNode editMessageText(ObjectNode p, Map<String, UploadedPart> u) throws ApiError {
        if (str(p, "inline_message_id") != null) {
            throw bad("inline messages are not supported by the fake");
        }
        long chatId = chatId(p);
        long messageId = requiredLong(p, "message_id");
        String text = str(p, "text");
        if (text == null) {
            throw bad("message text is empty");
        }
        String parseMode = str(p, "parse_mode");
        String plain = plainText(text, parseMode);
        if (plain.isBlank()) {
            throw bad("message text is empty");
        }
        if (plain.length() > MAX_TEXT) {
            throw bad("message is too long");
        }
        JsonNode markup = checkMarkup(p.get("reply_markup"));
        ObjectNode m = editable(chatId, messageId);
        if (!m.has("text")) {
            throw bad("there is no text in the message to edit");
        }
        JsonNode newMarkup = markup != null && markup.has("inline_keyboard") ? markup : null;
        if (m.get("text").asText().equals(plain) && Objects.equals(m.get("reply_markup"), newMarkup)) {
            throw bad("message is not modified: specified new message content and reply markup are exactly the same"
                    + " as a current content and reply markup of the message");
        }
        m.put("text", plain);
        setMarkup(m, newMarkup);
        m.put("edit_date", now());
        edits.add(new Sent("editMessageText", chatId, intOrNull(m.get("message_thread_id")), messageId, text, parseMode,
                markup, p.deepCopy(), System.nanoTime()));
        return m.deepCopy();
    }

    private JsonNode editMessageReplyMarkup(ObjectNode p, Map<String, UploadedPart> u) throws ApiError {
        if (str(p, "inline_message_id") != null) {
            throw bad("inline messages are not supported by the fake");
        }
        long chatId = chatId(p);
        long messageId = requiredLong(p, "message_id");
        JsonNode markup = checkMarkup(p.get("reply_markup"));
        ObjectNode m = editable(chatId, messageId);
        JsonNode newMarkup = markup != null && markup.has("inline_keyboard") && !markup.get("inline_keyboard").isEmpty()
                ? markup : null;
        if (Objects.equals(m.get("reply_markup"), newMarkup)) {
            throw bad("message is not modified: specified new message content and reply markup are exactly the same"
                    + " as a current content and reply markup of the message");
        }
        setMarkup(m, newMarkup);
        m.put("edit_date", now());
        String text = m.has("text") ? m.get("text").asText() : m.path("caption").asText(null);
        edits.add(new Sent("editMessageReplyMarkup", chatId, intOrNull(m.get("message_thread_id")), messageId, text, null,
                markup, p.deepCopy(), System.nanoTime()));
        return m.deepCopy();
    }

    private JsonNode answerCallbackQuery(ObjectNode p, Map<String, UploadedPart> u) throws ApiError {
        String id = str(p, "callback_query_id");
        if (id == null || id.isEmpty()) {
            throw bad("callback_query_id is empty");
        }
        if (!openCallbacks.remove(id)) {
            throw bad("query is too old and response timeout expired or query ID is invalid");
        }
        String text = str(p, "text");
        if (text != null && text.length() > 200) {
            throw bad("MESSAGE_TOO_LONG");
        }
        answeredCallbacks.add(id);
        return NODES.booleanNode(true);
    }

    private JsonNode getFile(ObjectNode p, Map<String, UploadedPart> u) throws ApiError {
        String id = str(p, "file_id");
        if (id != null && brokenFiles.contains(id)) {
            throw new ApiError(500, "Internal Server Error: file storage unavailable", null);
        }
        StoredFile f = id == null ? null : files.get(id);
        if (f == null) {
            throw bad("invalid file_id");
        }
        return NODES.objectNode().put("file_id", f.fileId()).put("file_unique_id", f.uniqueId())
                .put("file_size", (long) f.bytes().length).put("file_path", f.path());
    }

    private JsonNode createForumTopic(ObjectNode p, Map<String, UploadedPart> u) throws ApiError {
        long chatId = chatId(p);
        String name = str(p, "name");
        if (name == null || name.isBlank()) {
            throw bad("TOPIC_TITLE_EMPTY");
        }
        if (name.length() > 128) {
            throw bad("TOPIC_TITLE_TOO_LONG");
        }
        if (!forums.contains(chatId)) {
            throw bad("the chat is not a forum");
        }
        int thread = (int) Math.max(nextThreadId, lastMessageId.getOrDefault(chatId, 0L) + 1);
        nextThreadId = thread + 1;
        int color = (int) optLong(p, "icon_color", 7322096);
        topics.add(new Topic(chatId, thread, name, System.nanoTime()));
        long last = lastMessageId.getOrDefault(chatId, 0L);
        lastMessageId.put(chatId, Math.max(last, thread));
        ObjectNode service = topicServiceMessage(chatId, thread);
        service.set("from", botUser());
        ((ObjectNode) service.get("forum_topic_created")).put("name", name).put("icon_color", color);
        store(service);
        return NODES.objectNode().put("message_thread_id", thread).put("name", name).put("icon_color", color);
    }

    private JsonNode editForumTopic(ObjectNode p, Map<String, UploadedPart> u) throws ApiError {
        long chatId = chatId(p);
        int thread = topicOf(chatId, p);
        String name = str(p, "name");
        if (name != null) {
            for (int i = 0; i < topics.size(); i++) {
                Topic t = topics.get(i);
                if (t.chatId() == chatId && t.threadId() == thread) {
                    topics.set(i, new Topic(chatId, thread, name, topics.get(i).atNanos()));
                }
            }
        }
        return NODES.booleanNode(true);
    }

    private JsonNode forumTopicFlag(ObjectNode p, Map<String, UploadedPart> u) throws ApiError {
        topicOf(chatId(p), p);
        return NODES.booleanNode(true);
    }

    private int topicOf(long chatId, ObjectNode p) throws ApiError {
        if (!forums.contains(chatId)) {
            throw bad("the chat is not a forum");
        }
        long thread = requiredLong(p, "message_thread_id");
        if (topics.stream().noneMatch(t -> t.chatId() == chatId && t.threadId() == thread)) {
            throw bad("TOPIC_ID_INVALID");
        }
        return (int) thread;
    }

    private JsonNode deleteMessage(ObjectNode p, Map<String, UploadedPart> u) throws ApiError {
        long chatId = chatId(p);
        long messageId = requiredLong(p, "message_id");
        if (refuseDeletes) {
            throw bad("message can't be deleted");
        }
        Map<Long, ObjectNode> chat = messages.get(chatId);
        if (chat != null) {
            chat.remove(messageId);
        }
        deleted.add(new Deleted(chatId, messageId));
        return NODES.booleanNode(true);
    }

    private JsonNode setWebhook(ObjectNode p, Map<String, UploadedPart> u) throws ApiError {
        String url = str(p, "url");
        String secret = str(p, "secret_token");
        if (url == null || url.isEmpty()) {
            webhookUrl = null;
            webhookSecret = null;
            return NODES.booleanNode(true);
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw bad("bad webhook: An HTTPS URL must be provided for webhook");
        }
        if (secret != null && !SECRET.matcher(secret).matches()) {
            throw bad("secret token contains unallowed characters");
        }
        if (bool(p, "drop_pending_updates")) {
            queue.clear();
        }
        webhookUrl = url;
        webhookSecret = secret;
        return NODES.booleanNode(true);
    }

    private JsonNode deleteWebhook(ObjectNode p, Map<String, UploadedPart> u) {
        if (bool(p, "drop_pending_updates")) {
            queue.clear();
        }
        webhookUrl = null;
        webhookSecret = null;
        return NODES.booleanNode(true);
    }

    private JsonNode webhookInfo() {
        return NODES.objectNode().put("url", webhookUrl == null ? "" : webhookUrl).put("has_custom_certificate", false)
                .put("pending_update_count", queue.size());
    }

    private JsonNode setMyCommands(ObjectNode p, Map<String, UploadedPart> u) throws ApiError {
        JsonNode list = p.get("commands");
        if (list == null || !list.isArray()) {
            throw bad("parameter \"commands\" is required");
        }
        for (JsonNode c : list) {
            if (!BOT_COMMAND_NAME.matcher(c.path("command").asText("")).matches()) {
                throw bad("BOT_COMMAND_INVALID");
            }
            String d = c.path("description").asText("");
            if (d.isEmpty() || d.length() > 256) {
                throw bad("BOT_COMMAND_DESCRIPTION_INVALID");
            }
        }
        commands = list.deepCopy();
        return NODES.booleanNode(true);
    }

    // ------------------------------------------------------------------ checks used by methods (under lock)

    private long chatId(JsonNode p) throws ApiError {
        String s = str(p, "chat_id");
        if (s == null || s.isEmpty()) {
            throw bad("chat_id is empty");
        }
        long id;
        try {
            id = Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw bad("chat not found");
        }
        if (id == 0) {
            throw bad("chat not found");
        }
        if (id > 0 && blocked.contains(id)) {
            throw new ApiError(403, "Forbidden: bot was blocked by the user", null);
        }
        return id;
    }

    private Integer threadFor(long chatId, JsonNode p) throws ApiError {
        Long t = optLongOrNull(p, "message_thread_id");
        if (t == null || t == 0) {
            return null;
        }
        if (forums.contains(chatId) && t != 1
                && topics.stream().noneMatch(x -> x.chatId() == chatId && x.threadId() == t)) {
            throw bad("message thread not found");
        }
        return t.intValue();
    }

    private void replyTarget(long chatId, JsonNode p) throws ApiError {
        Long replyTo = optLongOrNull(p, "reply_to_message_id");
        JsonNode rp = p.get("reply_parameters");
        boolean allowMissing = bool(p, "allow_sending_without_reply");
        if (rp != null && rp.isObject() && rp.has("message_id")) {
            replyTo = rp.get("message_id").asLong();
            allowMissing = rp.path("allow_sending_without_reply").asBoolean(false);
            if (rp.has("chat_id") && !rp.get("chat_id").asText().equals(String.valueOf(chatId))) {
                return;
            }
        }
        if (replyTo != null && !allowMissing && !messages.getOrDefault(chatId, Map.of()).containsKey(replyTo)) {
            throw bad("message to be replied not found");
        }
    }

    private JsonNode checkMarkup(JsonNode markup) throws ApiError {
        if (markup == null || markup.isNull()) {
            return null;
        }
        if (!markup.isObject()) {
            throw bad("can't parse reply keyboard markup JSON object");
        }
        JsonNode rows = markup.get("inline_keyboard");
        if (rows != null) {
            if (!rows.isArray()) {
                throw bad("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array");
            }
            for (JsonNode row : rows) {
                if (!row.isArray()) {
                    throw bad("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
                }
                for (JsonNode b : row) {
                    if (b.path("text").asText("").isEmpty()) {
                        throw bad("BUTTON_TEXT_INVALID");
                    }
                    if (b.has("callback_data")) {
                        int len = b.get("callback_data").asText().getBytes(StandardCharsets.UTF_8).length;
                        if (len < 1 || len > 64) {
                            throw bad("BUTTON_DATA_INVALID");
                        }
                    }
                    if (b.has("url")) {
                        String url = b.get("url").asText();
                        if (!(url.startsWith("http://") || url.startsWith("https://") || url.startsWith("tg://"))) {
                            throw bad("BUTTON_URL_INVALID");
                        }
                    }
                }
            }
        }
        return markup;
    }

    private void floodCheck(long chatId) throws ApiError {
        if (perChatPerSecond <= 0 && perBotPerSecond <= 0) {
            return;
        }
        long nowNs = System.nanoTime();
        Deque<Long> chat = chatSends.computeIfAbsent(chatId, k -> new ArrayDeque<>());
        prune(chat, nowNs);
        prune(botSends, nowNs);
        if ((perChatPerSecond > 0 && chat.size() >= perChatPerSecond)
                || (perBotPerSecond > 0 && botSends.size() >= perBotPerSecond)) {
            rateLimitRejections++;
            throw new ApiError(429, "Too Many Requests: retry after 1", 1);
        }
        chat.addLast(nowNs);
        botSends.addLast(nowNs);
    }

    private static void prune(Deque<Long> window, long nowNs) {
        while (!window.isEmpty() && nowNs - window.peekFirst() >= 1_000_000_000L) {
            window.removeFirst();
        }
    }

    private ObjectNode editable(long chatId, long messageId) throws ApiError {
        ObjectNode m = messages.getOrDefault(chatId, Map.of()).get(messageId);
        if (m == null) {
            throw bad("message to edit not found");
        }
        if (m.path("from").path("id").asLong() != BOT_ID) {
            throw bad("message can't be edited");
        }
        return m;
    }

    private static void setMarkup(ObjectNode m, JsonNode markup) {
        if (markup == null) {
            m.remove("reply_markup");
        } else {
            m.set("reply_markup", markup.deepCopy());
        }
    }

    private static ApiError bad(String what) {
        return new ApiError(400, "Bad Request: " + what, null);
    }

    // ------------------------------------------------------------------ HTML entities

    private static final Set<String> TAGS = Set.of("b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a",
            "code", "pre", "tg-spoiler", "span", "blockquote", "tg-emoji");
    private static final Pattern ATTR = Pattern.compile("\\s*([A-Za-z-]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
    private static final Pattern NAMED_OR_NUMERIC = Pattern.compile("&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});");

    /** The text as Telegram would show it: HTML tags checked and removed, entities decoded. Other modes: unchanged. */
    private static String plainText(String text, String parseMode) throws ApiError {
        if (parseMode == null || parseMode.isEmpty()) {
            return text.strip();
        }
        switch (parseMode.toLowerCase(Locale.ROOT)) {
            case "html":
                return parseHtml(text);
            case "markdown":
            case "markdownv2":
                return text;
            default:
                throw bad("unsupported parse_mode");
        }
    }

    private static String parseHtml(String s) throws ApiError {
        StringBuilder plain = new StringBuilder();
        Deque<String> open = new ArrayDeque<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '&') {
                Matcher m = NAMED_OR_NUMERIC.matcher(s).region(i, s.length());
                if (!m.lookingAt()) {
                    throw entities("Unsupported HTML entity or bare '&' at byte offset " + byteOffset(s, i));
                }
                String e = m.group(1);
                switch (e) {
                    case "lt" -> plain.append('<');
                    case "gt" -> plain.append('>');
                    case "amp" -> plain.append('&');
                    case "quot" -> plain.append('"');
                    default -> {
                        int cp = e.startsWith("#x") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
                        if (!Character.isValidCodePoint(cp) || cp == 0) {
                            throw entities("Invalid character entity at byte offset " + byteOffset(s, i));
                        }
                        plain.appendCodePoint(cp);
                    }
                }
                i = m.end();
                continue;
            }
            if (c == '>') {
                plain.append(c);
                i++;
                continue;
            }
            if (c != '<') {
                plain.append(c);
                i++;
                continue;
            }
            int end = s.indexOf('>', i);
            boolean closing = i + 1 < s.length() && s.charAt(i + 1) == '/';
            if (end < 0) {
                throw entities((closing ? "Unclosed end tag" : "Unclosed start tag") + " at byte offset " + byteOffset(s, i));
            }
            if (closing) {
                String name = s.substring(i + 2, end).trim().toLowerCase(Locale.ROOT);
                if (open.isEmpty()) {
                    throw entities("Unexpected end tag at byte offset " + byteOffset(s, i));
                }
                String top = open.pop();
                if (!name.equals(top)) {
                    throw entities("Unmatched end tag at byte offset " + byteOffset(s, i) + ", expected \"</" + top
                            + ">\", found \"</" + name + ">\"");
                }
            } else {
                String inner = s.substring(i + 1, end);
                int nameEnd = 0;
                while (nameEnd < inner.length() && !Character.isWhitespace(inner.charAt(nameEnd))) {
                    nameEnd++;
                }
                String name = inner.substring(0, nameEnd).toLowerCase(Locale.ROOT);
                if (!TAGS.contains(name)) {
                    throw entities("Unsupported start tag \"" + name + "\" at byte offset " + byteOffset(s, i));
                }
                Map<String, String> attrs = attributes(inner.substring(nameEnd), s, i);
                if (name.equals("span") && !"tg-spoiler".equals(attrs.get("class"))) {
                    throw entities("Tag \"span\" must have class \"tg-spoiler\" at byte offset " + byteOffset(s, i));
                }
                if (name.equals("tg-emoji") && !attrs.containsKey("emoji-id")) {
                    throw entities("Tag \"tg-emoji\" must have attribute \"emoji-id\" at byte offset " + byteOffset(s, i));
                }
                open.push(name);
            }
            i = end + 1;
        }
        if (!open.isEmpty()) {
            throw entities("Can't find end tag corresponding to start tag \"" + open.peek() + "\"");
        }
        return plain.toString().strip();
    }

    private static Map<String, String> attributes(String rest, String s, int tagStart) throws ApiError {
        Map<String, String> attrs = new LinkedHashMap<>();
        Matcher m = ATTR.matcher(rest);
        int pos = 0;
        while (pos < rest.length()) {
            if (rest.substring(pos).isBlank()) {
                break;
            }
            m.region(pos, rest.length());
            if (!m.lookingAt() || m.end() == pos) {
                throw entities("Expected equal sign in declaration of an attribute of the tag at byte offset " + byteOffset(s, tagStart));
            }
            String value = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            attrs.put(m.group(1).toLowerCase(Locale.ROOT), value == null ? "" : value);
            pos = m.end();
        }
        return attrs;
    }

    private static ApiError entities(String what) {
        return new ApiError(400, "Bad Request: can't parse entities: " + what, null);
    }

    private static int byteOffset(String s, int index) {
        return s.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
    }

    // ------------------------------------------------------------------ update plumbing

    private ObjectNode update(String kind, ObjectNode payload) {
        ObjectNode u = NODES.objectNode();
        u.set(kind, payload);
        return u;
    }

    /** Assigns the update_id and queues it, or POSTs it to the webhook. Returns the update_id. */
    private long deliver(ObjectNode update) {
        long id;
        String url;
        String secret;
        WebhookQueue background;
        synchronized (lock) {
            id = nextUpdateId++;
            ObjectNode full = NODES.objectNode().put("update_id", id);
            for (Map.Entry<String, JsonNode> e : update.properties()) {
                if (!e.getKey().equals("update_id")) {
                    full.set(e.getKey(), e.getValue());
                }
            }
            JsonNode cb = full.path("callback_query").path("id");
            if (cb.isTextual()) {
                openCallbacks.add(cb.asText());
            }
            url = webhookUrl;
            secret = webhookSecret;
            if (url == null) {
                queue.addLast(full);
                lock.notifyAll();
                return id;
            }
            update = full;
            background = webhookQueue;
        }
        if (background != null) {
            background.add(id, chatOf(update), update.toString());
            return id;
        }
        Delivery d = post(url, secret, update.toString());
        Delivery recorded = new Delivery(id, url, d.status(), d.responseBody());
        synchronized (lock) {
            deliveries.add(recorded);
            lock.notifyAll();
        }
        answerInWebhookResponse(recorded);
        return id;
    }

    /** Telegram carries out a method the bot returns as its webhook response body. */
    private void answerInWebhookResponse(Delivery d) {
        if (d.status() != 200 || d.responseBody() == null || d.responseBody().isBlank()) {
            return;
        }
        try {
            JsonNode body = JSON.readTree(d.responseBody());
            if (body.isObject() && body.hasNonNull("method")) {
                String method = body.get("method").asText().toLowerCase(Locale.ROOT);
                if (methods.containsKey(method)) {
                    invoke(method, normalize(((ObjectNode) body).deepCopy()), Map.of());
                }
            }
        } catch (JsonProcessingException | ApiError e) {
            // Telegram ignores a webhook answer it cannot use.
        }
    }

    private Delivery post(String url, String secret, String json) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (secret != null) {
            req.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        try {
            HttpResponse<String> res = webhookClient.send(req.build(), HttpResponse.BodyHandlers.ofString());
            return new Delivery(0, url, res.statusCode(), res.body());
        } catch (IOException e) {
            return new Delivery(0, url, -1, String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery(0, url, -1, "interrupted");
        }
    }

    private ObjectNode userTextMessage(long userId, String text, String languageCode) {
        ObjectNode m = newMessage(userId, user(userId, languageCode), null);
        m.put("text", text);
        addEntities(m, text);
        return remember(m);
    }

    private ObjectNode groupMessage(long chatId, long userId, String text, Integer threadId) {
        ObjectNode m = newMessage(chatId, user(userId, "en"), threadId);
        m.put("text", text);
        addEntities(m, text);
        return m;
    }

    private ObjectNode callbackQuery(long userId, long chatId, Integer threadId, long messageId, String data) {
        ObjectNode q = NODES.objectNode();
        ObjectNode message;
        synchronized (lock) {
            q.put("id", "cbq" + BOT_ID + "-" + nextCallbackNo++);
            ObjectNode known = messages.getOrDefault(chatId, Map.of()).get(messageId);
            if (known == null) {
                known = botStandIn(chatId, threadId, messageId, "");
                store(known);
            }
            message = known.deepCopy();
        }
        q.set("from", user(userId, "en"));
        q.set("message", message);
        q.put("chat_instance", String.valueOf(Math.abs(chatId * 31 + 7)));
        q.put("data", data);
        return q;
    }

    private static void addEntities(ObjectNode m, String text) {
        ArrayNode entities = NODES.arrayNode();
        Matcher c = COMMAND.matcher(text);
        if (c.lookingAt()) {
            entities.addObject().put("type", "bot_command").put("offset", 0).put("length", c.end());
        }
        Matcher at = MENTION.matcher(text);
        int from = c.lookingAt() ? c.end() : 0;
        while (at.find(from)) {
            entities.addObject().put("type", "mention").put("offset", at.start()).put("length", at.end() - at.start());
            from = at.end();
        }
        if (!entities.isEmpty()) {
            m.set("entities", entities);
        }
    }

    private ObjectNode newMessage(long chatId, ObjectNode from, Integer threadId) {
        ObjectNode m = NODES.objectNode();
        synchronized (lock) {
            m.put("message_id", nextMessageId(chatId));
            m.set("from", from);
            m.set("chat", chat(chatId));
        }
        m.put("date", now());
        if (threadId != null) {
            m.put("message_thread_id", threadId);
            m.put("is_topic_message", true);
        }
        return m;
    }

    private ObjectNode botMessage(long chatId, Integer threadId) {
        ObjectNode m = newMessage(chatId, botUser(), threadId);
        if (threadId != null && !forums.contains(chatId)) {
            m.remove("is_topic_message");
        }
        return m;
    }

    private ObjectNode botStandIn(long chatId, Integer threadId, long messageId, String text) {
        ObjectNode m = NODES.objectNode().put("message_id", messageId);
        m.set("from", botUser());
        m.set("chat", chat(chatId));
        m.put("date", now());
        if (threadId != null) {
            m.put("message_thread_id", threadId).put("is_topic_message", true);
        }
        m.put("text", text);
        long last = lastMessageId.getOrDefault(chatId, 0L);
        lastMessageId.put(chatId, Math.max(last, messageId));
        return m;
    }

    private ObjectNode topicServiceMessage(long chatId, int threadId) {
        synchronized (lock) {
            ObjectNode known = messages.getOrDefault(chatId, Map.of()).get((long) threadId);
            if (known != null && known.has("forum_topic_created")) {
                return known.deepCopy();
            }
            ObjectNode m = NODES.objectNode().put("message_id", threadId);
            m.set("from", botUser());
            m.set("chat", chat(chatId));
            m.put("date", now()).put("message_thread_id", threadId).put("is_topic_message", true);
            String name = topics.stream().filter(t -> t.chatId() == chatId && t.threadId() == threadId)
                    .map(Topic::name).findFirst().orElse("Topic " + threadId);
            m.putObject("forum_topic_created").put("name", name).put("icon_color", 7322096);
            return m;
        }
    }

    private void knowTopic(long chatId, int threadId, String name) {
        if (topics.stream().noneMatch(t -> t.chatId() == chatId && t.threadId() == threadId)) {
            topics.add(new Topic(chatId, threadId, name, System.nanoTime()));
            nextThreadId = Math.max(nextThreadId, threadId + 1);
        }
    }

    private ObjectNode remember(ObjectNode m) {
        synchronized (lock) {
            store(m);
        }
        return m;
    }

    private void store(ObjectNode m) {
        long chatId = m.get("chat").get("id").asLong();
        messages.computeIfAbsent(chatId, k -> new HashMap<>()).put(m.get("message_id").asLong(), m.deepCopy());
    }

    private long nextMessageId(long chatId) {
        long id = lastMessageId.getOrDefault(chatId, 0L) + 1;
        lastMessageId.put(chatId, id);
        return id;
    }

    private long nextFileNo() {
        synchronized (lock) {
            return nextFileNo++;
        }
    }

    private ArrayNode photoSizes(String fileId, byte[] bytes) {
        byte[] small = Arrays.copyOf(bytes, Math.max(1, Math.min(bytes.length, bytes.length / 4)));
        StoredFile thumb = addFileInternal(fileId + "-s", "photos/file_" + nextFileNo() + "_s.jpg", small);
        StoredFile big = addFileInternal(fileId, "photos/file_" + nextFileNo() + ".jpg", bytes);
        ArrayNode sizes = NODES.arrayNode();
        sizes.addObject().put("file_id", thumb.fileId()).put("file_unique_id", thumb.uniqueId()).put("width", 90)
                .put("height", 90).put("file_size", (long) small.length);
        sizes.addObject().put("file_id", big.fileId()).put("file_unique_id", big.uniqueId()).put("width", 800)
                .put("height", 800).put("file_size", (long) bytes.length);
        return sizes;
    }

    private StoredFile addFileInternal(String fileId, String filePath, byte[] bytes) {
        StoredFile f = new StoredFile(fileId, "U" + Integer.toHexString(fileId.hashCode()), filePath, bytes.clone());
        synchronized (lock) {
            StoredFile old = files.put(fileId, f);
            if (old != null) {
                filesByPath.remove(old.path());
            }
            filesByPath.put(filePath, f);
            lock.notifyAll();
        }
        return f;
    }

    private static ObjectNode botUser() {
        return NODES.objectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", BOT_FIRST_NAME)
                .put("username", BOT_USERNAME).put("can_join_groups", true).put("can_read_all_group_messages", false)
                .put("supports_inline_queries", false);
    }

    private static ObjectNode user(long userId, String languageCode) {
        ObjectNode u = NODES.objectNode().put("id", userId).put("is_bot", false).put("first_name", "User" + userId)
                .put("username", "user" + userId);
        if (languageCode != null) {
            u.put("language_code", languageCode);
        }
        return u;
    }

    private ObjectNode chat(long chatId) {
        ObjectNode c = NODES.objectNode().put("id", chatId);
        if (chatId > 0) {
            c.put("type", "private").put("first_name", "User" + chatId).put("username", "user" + chatId);
        } else {
            c.put("type", "supergroup").put("title", "Group" + chatId);
            synchronized (lock) {
                if (forums.contains(chatId)) {
                    c.put("is_forum", true);
                }
            }
        }
        return c;
    }

    private static int now() {
        return (int) Instant.now().getEpochSecond();
    }

    private void waitOn(long nanos) {
        try {
            long ms = Math.max(1, nanos / 1_000_000L);
            lock.wait(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String describe(List<Sent> list) {
        if (list.isEmpty()) {
            return "(nothing)";
        }
        StringBuilder b = new StringBuilder();
        for (Sent s : list) {
            b.append("\n  ").append(s.method()).append(" chat=").append(s.chatId());
            if (s.threadId() != null) {
                b.append(" thread=").append(s.threadId());
            }
            b.append(" id=").append(s.messageId()).append(" text=").append(s.text());
            if (s.replyMarkup() != null) {
                b.append(" markup=").append(s.replyMarkup());
            }
        }
        return b.toString();
    }

    private static ObjectNode parseObject(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            if (!n.isObject()) {
                throw new IllegalArgumentException("an update must be a JSON object: " + json);
            }
            return (ObjectNode) n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    // ------------------------------------------------------------------ parameter access

    private static String str(JsonNode p, String field) {
        JsonNode v = p.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    private static Long optLongOrNull(JsonNode p, String field) throws ApiError {
        String s = str(p, field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw bad("invalid " + field + " specified");
        }
    }

    private static long optLong(JsonNode p, String field, long fallback) throws ApiError {
        Long v = optLongOrNull(p, field);
        return v == null ? fallback : v;
    }

    private static long requiredLong(JsonNode p, String field) throws ApiError {
        Long v = optLongOrNull(p, field);
        if (v == null) {
            throw bad(field + " is empty");
        }
        return v;
    }

    private static boolean bool(JsonNode p, String field) {
        String s = str(p, field);
        return s != null && (s.equalsIgnoreCase("true") || s.equals("1"));
    }

    private static Integer intOrNull(JsonNode v) {
        return v == null || v.isNull() ? null : v.asInt();
    }
}

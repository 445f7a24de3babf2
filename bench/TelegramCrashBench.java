import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import supportbot.channel.telegram.FakeBotApi;
import supportbot.ticket.Ticket;
import supportbot.dialogue.details.DetailType;
import supportbot.store.Store;

/**
 * (Its users, agent and verdict are public: bench/MultiInstanceCrashBench.java runs them against several instances.)
 *
 * Crash test: the bot runs as its own process (the fat jar) against the fake Telegram Bot API. N simulated
 * users each ask an FAQ question, then report a stuck withdrawal (every detail asked for, a screenshot,
 * confirmation), are handed to the desk, where an agent on the HTTP API claims, replies and resolves, and
 * rate the service; the ticket is mirrored to a staff forum topic. Meanwhile the bot is killed with
 * {@code kill -9} at random moments and restarted. The same users first run once with no kills; that calm
 * run is the reference for what every user and every staff topic should have received. Exits 1, listing the
 * problems, unless:
 * <ul>
 *   <li>every user and every ticket's staff topic received every message of the calm run, in the same order,
 *       exactly once; the only repeats allowed are those Telegram's API makes unavoidable: a message the
 *       fake accepted while the bot was being killed, before the bot could record that (the Bot API has no
 *       idempotency key), repeated once as that chat's next message from the restarted bot;</li>
 *   <li>every user has exactly one ticket, with every detail and the screenshot of the calm run, one claim,
 *       one reply, one resolve and the rating;</li>
 *   <li>nothing is left in the outbox and nothing was parked as undeliverable.</li>
 * </ul>
 *
 *   bench/telegram-crash.sh [users] [kills] [seed]
 */
public class TelegramCrashBench {
    static final String TOKEN = "123456:CRASH-token-for-the-fake-bot-api";
    static final Path JAR = Path.of("target/support-bot.jar");
    /** The agents' forum supergroup: a topic per ticket, mirrored from the store's ticket feed. */
    static final long STAFF = -1001234567890L;
    /** A message accepted this long before a kill counts as on the wire when the kill struck. */
    static final long IN_FLIGHT_NANOS = Duration.ofSeconds(2).toNanos();

    /**
     * How long a user may take to get from the first question to the rating: the bot's replies queue behind
     * Telegram's 30 messages/s, so many users take longer, and each kill costs a restart.
     */
    public static Duration patience(int users) {
        return Duration.ofSeconds(Math.max(240, users * 6L));
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int kills = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : System.currentTimeMillis();
        Path work = Files.createTempDirectory("support-bot-crash");
        System.err.printf("crash test: %d users, %d kills, seed %d, files in %s%n", users, kills, seed, work);
        Prompts prompts = Prompts.load();
        Outcome calm = new Scenario(work.resolve("calm"), users, 0, seed, prompts, 0).run();
        Outcome crashed = new Scenario(work.resolve("crash"), users, kills, seed, prompts, calm.messagesSent()).run();
        Verdict verdict = Verdict.of(calm, crashed, users);
        verdict.problems().forEach(p -> System.err.println("PROBLEM: " + p));
        System.out.println(verdict.json(users, kills, seed));
        System.exit(verdict.problems().isEmpty() ? 0 : 1);
    }

    /** The bot's questions, read from the shipped message files, so the simulated users know what is asked. */
    public record Prompts(Map<String, DetailType> asks, List<String> glad, List<java.util.regex.Pattern> ticketOpened,
                   List<String> rateComment, List<String> rateDone) {
        public static Prompts load() throws IOException {
            var yaml = new ObjectMapper(new YAMLFactory());
            var asks = new LinkedHashMap<String, DetailType>();
            var glad = new ArrayList<String>();
            var opened = new ArrayList<java.util.regex.Pattern>();
            var comment = new ArrayList<String>();
            var done = new ArrayList<String>();
            for (String lang : List.of("en", "zh")) {
                JsonNode details = yaml.readTree(Path.of("config/messages/details." + lang + ".yaml").toFile());
                for (DetailType type : DetailType.values()) {
                    JsonNode ask = details.get("ask." + type.name().toLowerCase(Locale.ROOT));
                    if (ask != null) {
                        asks.put(ask.asText(), type);
                    }
                }
                JsonNode bot = yaml.readTree(Path.of("config/messages/bot." + lang + ".yaml").toFile());
                glad.add(bot.get("faq.glad").asText());
                opened.add(template(bot.get("ticket.opened").asText()));
                comment.add(bot.get("rate.comment").asText());
                done.add(bot.get("rate.done").asText());
            }
            return new Prompts(asks, glad, opened, comment, done);
        }

        /** A message template as a pattern: its {placeholders} match anything, the rest literally. */
        static java.util.regex.Pattern template(String text) {
            var parts = new ArrayList<String>();
            for (String literal : text.split("\\{[a-z_]+\\}", -1)) {
                parts.add(java.util.regex.Pattern.quote(literal));
            }
            return java.util.regex.Pattern.compile(String.join(".*?", parts), java.util.regex.Pattern.DOTALL);
        }
    }

    /** What one run left behind: each user's messages as the fake received them, tickets, outbox, kills. */
    public record Outcome(Map<Long, List<FakeBotApi.Sent>> received, Map<Long, Boolean> finished, List<Ticket> tickets,
                   Map<Long, byte[]> screenshots, int pendingOutbox, long undeliverable, List<Kill> kills,
                   Map<Long, Map<String, byte[]>> attachmentBytes, Map<Integer, List<FakeBotApi.Sent>> staffTopics,
                   List<FakeBotApi.Topic> topics, long messagesSent) {
    }

    /** One kill -9: when it was sent and when the process was gone, and when the next one started. */
    public record Kill(long signalNanos, long deadNanos, long restartNanos, boolean duringStartup, Map<String, Integer> stagesMidConversation) {
    }

    /** One run: the fake, the bot process, the users and (if kills &gt; 0) the killer. */
    static final class Scenario {
        private final Path dir;
        private final int users;
        private final int kills;
        private final long seed;
        private final Prompts prompts;
        private final long calmMessages;

        /** @param calmMessages how many messages the bot sent in the run with no kills: the kills are spread over them */
        Scenario(Path dir, int users, int kills, long seed, Prompts prompts, long calmMessages) {
            this.calmMessages = calmMessages;
            this.dir = dir;
            this.users = users;
            this.kills = kills;
            this.seed = seed;
            this.prompts = prompts;
        }

        Outcome run() throws Exception {
            Files.createDirectories(dir);
            Path data = dir.resolve("data");
            try (FakeBotApi fake = FakeBotApi.start(TOKEN)) {
                Path config = dir.resolve("application.yaml");
                int port = freePort();
                Files.writeString(config, """
                        http:
                          host: 127.0.0.1
                          port: %d
                        desk:
                          agents:
                            - {name: alice, role: agent, tokenSha256: %s}
                        data:
                          dir: %s
                        faq:
                          dir: %s
                          watch: false
                        safety:
                          floodMessages: 1000
                        telegram:
                          enabled: "on"
                          apiUrl: %s
                          pollTimeoutSeconds: 1
                          staffChatId: %d
                          limits: {perChatPerSecond: 50, perGroupPerMinute: 6000}
                        """.formatted(port, SimulatedAgent.TOKEN_SHA256, data.toAbsolutePath(),
                        Path.of("faq-data").toAbsolutePath(), fake.baseUrl(), STAFF));
                fake.registerForum(STAFF);
                var bot = new BotProcess(config, dir.resolve("bot.log"), fake);
                bot.start();
                bot.awaitPolling(Duration.ofMinutes(3));
                ExecutorService pool = Executors.newFixedThreadPool(users + 1);
                var results = new LinkedHashMap<Long, Future<Boolean>>();
                var screenshots = new HashMap<Long, byte[]>();
                var conversing = new ArrayList<SimulatedUser>();
                for (long u = 1; u <= users; u++) {
                    var user = new SimulatedUser(fake, u, new Random(seed * 31 + u), prompts, patience(users));
                    screenshots.put(u, user.screenshot);
                    conversing.add(user);
                    results.put(u, pool.submit(user::converse));
                }
                var agent = new SimulatedAgent("http://127.0.0.1:" + port, users, patience(users).plusMinutes(1));
                Future<Boolean> agentDone = pool.submit(agent::work);
                var killed = new ArrayList<Kill>();
                var random = new Random(seed);
                // Spread over the conversations' progress (messages sent, against the calm run), so kills land
                // in every stage however long restarts take; some strike again while the bot is starting.
                double[] killAt = new double[kills];
                for (int k = 0; k < kills; k++) {
                    killAt[k] = 0.05 + 0.9 * random.nextDouble();
                }
                java.util.Arrays.sort(killAt);
                for (int k = 0; k < kills; k++) {
                    if (k > 0 && random.nextInt(4) == 0) {
                        Thread.sleep(200 + random.nextInt(3000));
                    } else {
                        while (fake.sentCount() < killAt[k] * calmMessages && results.values().stream().anyMatch(f -> !f.isDone())) {
                            Thread.sleep(20);
                        }
                        Thread.sleep(random.nextInt(500));
                    }
                    boolean starting = !bot.isPolling();
                    var stages = new java.util.TreeMap<String, Integer>();
                    conversing.stream().filter(SimulatedUser::midConversation)
                            .forEach(user -> stages.merge(user.stage().name(), 1, Integer::sum));
                    long signal = System.nanoTime();
                    bot.kill9();
                    long dead = System.nanoTime();
                    bot.start();
                    killed.add(new Kill(signal, dead, System.nanoTime(), starting, stages));
                }
                var finished = new LinkedHashMap<Long, Boolean>();
                for (var e : results.entrySet()) {
                    finished.put(e.getKey(), e.getValue().get());
                }
                if (!agentDone.get()) {
                    System.err.println("the agent did not get through every ticket; see " + dir.resolve("bot.log"));
                }
                pool.shutdown();
                // The staff forum trails the users (it shares the bot's 30 messages/s): let a bot killed late get
                // back up and catch up before looking.
                bot.awaitPolling(Duration.ofMinutes(3));
                awaitQuiet(fake, Duration.ofSeconds(5), Duration.ofMinutes(5));
                bot.stop();
                var received = new LinkedHashMap<Long, List<FakeBotApi.Sent>>();
                Path transcripts = Files.createDirectories(dir.resolve("received"));
                for (long u = 1; u <= users; u++) {
                    received.put(u, fake.sentTo(u));
                    Files.write(transcripts.resolve(u + ".txt"), received.get(u).stream().map(Verdict::content).toList());
                }
                var topics = new LinkedHashMap<Integer, List<FakeBotApi.Sent>>();
                for (var t : fake.topics()) {
                    topics.put(t.threadId(), new ArrayList<>());
                }
                for (var m : fake.sentTo(STAFF)) {
                    topics.computeIfAbsent(m.threadId() == null ? 0 : m.threadId(), k -> new ArrayList<>()).add(m);
                }
                for (var t : topics.entrySet()) {
                    Files.write(transcripts.resolve("staff-" + t.getKey() + ".txt"), t.getValue().stream().map(Verdict::content).toList());
                }
                try (Store store = Store.open(data)) {
                    var tickets = store.tickets();
                    var bytes = new HashMap<Long, Map<String, byte[]>>();
                    for (Ticket t : tickets) {
                        var files = new LinkedHashMap<String, byte[]>();
                        for (var a : t.draft().attachments()) {
                            Path p = Path.of(a.ref());
                            files.put(a.ref(), Files.exists(p) ? supportbot.channel.AttachmentFiles.read(a) : null);
                        }
                        bytes.put(t.draft().number(), files);
                    }
                    return new Outcome(received, finished, tickets, screenshots, store.pendingOutbox(10_000).size(),
                            store.undeliverableCount(), killed, bytes, topics, fake.topics(), fake.sentCount());
                }
            }
        }

        private static int freePort() throws IOException {
            try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }

        /** Waits until the fake has received nothing new for {@code quiet}. */
        private static void awaitQuiet(FakeBotApi fake, Duration quiet, Duration max) throws InterruptedException {
            long end = System.nanoTime() + max.toNanos();
            int count = -1;
            long since = System.nanoTime();
            while (System.nanoTime() < end) {
                int now = fake.sentCount();
                if (now != count) {
                    count = now;
                    since = System.nanoTime();
                } else if (System.nanoTime() - since >= quiet.toNanos()) {
                    return;
                }
                Thread.sleep(100);
            }
        }
    }

    /** The bot as a child process: java -jar target/support-bot.jar run, its output appended to a log. */
    static final class BotProcess {
        private final Path config;
        private final Path log;
        private final FakeBotApi fake;
        private Process process;
        private int pollsAtStart;

        BotProcess(Path config, Path log, FakeBotApi fake) {
            this.config = config;
            this.log = log;
            this.fake = fake;
        }

        void start() throws IOException {
            pollsAtStart = fake.getUpdatesOffsets().size();
            String java = ProcessHandle.current().info().command().orElse("java");
            var pb = new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toString(), "run", "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
            process = pb.start();
        }

        /** Polling has begun once the fake sees a getUpdates from this process. */
        void awaitPolling(Duration max) throws InterruptedException {
            long end = System.nanoTime() + max.toNanos();
            while (!isPolling()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the bot exited with " + process.exitValue() + "; see " + log);
                }
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("the bot did not start polling in " + max + "; see " + log);
                }
                Thread.sleep(50);
            }
        }

        boolean isPolling() {
            return fake.getUpdatesOffsets().size() > pollsAtStart;
        }

        /** kill -9: on Linux the JDK's forcible destroy is SIGKILL, with no shutdown hook and no flush. */
        void kill9() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        void stop() throws InterruptedException {
            process.destroy(); // SIGTERM: the shutdown hook closes the store
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("the bot did not stop within 60 s of SIGTERM; see " + log);
            }
        }
    }

    /**
     * A user who asks an FAQ question, says it helped, then reports a withdrawal that never arrived and answers
     * whatever the bot asks until the ticket is open. Acts only on the newest message, once, after a short
     * think; a repeat of the message already acted on is ignored, as a person would.
     */
    public static final class SimulatedUser {
        public enum Stage { ASKING, THANKED, REPORTING, CONFIRMED, WAITING_FOR_AGENT, RATING, COMMENTING, DONE }

        private final FakeBotApi fake;
        private final long id;
        private final Random random;
        private final Prompts prompts;
        private final boolean chinese;
        private final Duration patience;
        public final byte[] screenshot;
        private volatile Stage stage = Stage.ASKING;
        private volatile boolean started;

        public SimulatedUser(FakeBotApi fake, long id, Random random, Prompts prompts, Duration patience) {
            this.patience = patience;
            this.fake = fake;
            this.id = id;
            this.random = random;
            this.prompts = prompts;
            this.chinese = id % 2 == 0;
            this.screenshot = ("screenshot of user " + id + " ").repeat(50).getBytes();
        }

        public boolean converse() throws InterruptedException {
            Thread.sleep(random.nextInt(1500));
            started = true;
            text(chinese ? "怎么修改应用的语言或者显示的货币？" : "How do I change the app language or display currency?");
            long deadline = System.nanoTime() + patience.toNanos();
            int actedOn = -1;
            String actedText = null;
            while (stage != Stage.DONE && System.nanoTime() < deadline) {
                List<FakeBotApi.Sent> got = fake.sentTo(id);
                int newest = got.size() - 1;
                if (newest > actedOn) {
                    FakeBotApi.Sent message = got.get(newest);
                    boolean repeat = message.text() != null && message.text().equals(actedText);
                    if (!repeat && act(message)) {
                        actedOn = newest;
                        actedText = message.text();
                    }
                }
                Thread.sleep(50);
            }
            return stage == Stage.DONE;
        }

        public Stage stage() {
            return stage;
        }

        public boolean midConversation() {
            return started && stage != Stage.DONE;
        }

        /** Does what the message asks for, if it asks for anything; false when it is not for acting on. */
        private boolean act(FakeBotApi.Sent message) throws InterruptedException {
            List<String> buttons = FakeBotApi.payloads(message);
            String text = message.text() == null ? "" : message.text();
            switch (stage) {
                case ASKING -> {
                    if (buttons.contains("faq:yes")) {
                        think();
                        press(message, "faq:yes");
                        stage = Stage.THANKED;
                        return true;
                    }
                    var pick = buttons.stream().filter(b -> b.startsWith("faq:pick:")).findFirst();
                    if (pick.isPresent()) {
                        think();
                        press(message, pick.get());
                        return true;
                    }
                    return false;
                }
                case THANKED -> {
                    if (prompts.glad().stream().anyMatch(text::contains)) {
                        think();
                        text(chinese ? "我提币到交易所的 USDT 好几个小时了还没到账" : "My USDT withdrawal to the exchange has been pending for hours");
                        stage = Stage.REPORTING;
                        return true;
                    }
                    return false;
                }
                case REPORTING -> {
                    if (buttons.contains("confirm")) {
                        think();
                        press(message, "confirm");
                        stage = Stage.CONFIRMED;
                        return true;
                    }
                    if (buttons.contains("faq:no")) {
                        think();
                        press(message, "faq:no");
                        return true;
                    }
                    for (var ask : prompts.asks().entrySet()) {
                        if (text.contains(ask.getKey())) {
                            think();
                            answer(ask.getValue());
                            return true;
                        }
                    }
                    return false;
                }
                case CONFIRMED -> {
                    if (prompts.ticketOpened().stream().anyMatch(p -> p.matcher(text).find())) {
                        stage = Stage.WAITING_FOR_AGENT;
                        return true;
                    }
                    // A quick agent's answer and the rating question can arrive before the user looks again.
                    if (buttons.contains("rate:5")) {
                        stage = Stage.WAITING_FOR_AGENT;
                        return act(message);
                    }
                    return false;
                }
                case WAITING_FOR_AGENT -> {
                    if (buttons.contains("rate:5")) {
                        think();
                        press(message, "rate:5");
                        stage = Stage.RATING;
                        return true;
                    }
                    return false;
                }
                case RATING -> {
                    if (buttons.contains("weak:speed")) {
                        think();
                        press(message, "weak:speed");
                        return true;
                    }
                    if (prompts.rateComment().stream().anyMatch(text::contains)) {
                        think();
                        text(chinese ? "回复很快，谢谢" : "Quick and clear, thank you");
                        stage = Stage.COMMENTING;
                        return true;
                    }
                    return false;
                }
                case COMMENTING -> {
                    if (prompts.rateDone().stream().anyMatch(text::contains)) {
                        stage = Stage.DONE;
                        return true;
                    }
                    return false;
                }
                default -> {
                    return false;
                }
            }
        }

        private boolean photoSent;

        private void answer(DetailType type) {
            // The bot asks the optional details together (issue 14): the photo goes once, captioned with the
            // answers to the others, as a user pastes them.
            if (!photoSent && OPTIONAL_TOGETHER.contains(type)) {
                photoSent = true;
                fake.userPhoto(id, "photo-" + id, screenshot, String.join("\n", "USDT", (100 + id) + " USDT",
                        chinese ? "小米13，安卓14" : "iPhone 15, iOS 17.2", "user" + id + "@example.com"));
                return;
            }
            switch (type) {
                case SCREENSHOT -> fake.userPhoto(id, "photo-" + id, screenshot, null);
                case ACCOUNT -> text("user" + id + "@example.com");
                case TIME -> text(chinese ? "昨天下午3点" : "yesterday 3pm");
                case DEVICE -> text(chinese ? "小米13，安卓14" : "iPhone 15, iOS 17.2");
                case CHAIN -> text("TRC20");
                case COIN -> text("USDT");
                case TX_HASH -> text(txHash(id));
                case AMOUNT -> text((100 + id) + " USDT");
                case ADDRESS -> text("TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE");
                case DESCRIPTION -> text(chinese ? "提币显示已完成，但交易所一直没有到账，已经等了五个小时。"
                        : "The withdrawal shows as completed in the wallet but the exchange never credited it.");
                default -> throw new IllegalStateException("no scripted answer for " + type);
            }
        }

        private static final java.util.Set<DetailType> OPTIONAL_TOGETHER = java.util.EnumSet.of(DetailType.SCREENSHOT,
                DetailType.COIN, DetailType.AMOUNT, DetailType.DEVICE, DetailType.ACCOUNT, DetailType.APP_VERSION);

        static String txHash(long id) {
            return String.format(Locale.ROOT, "%064x", 0xabcdef12345L * 1_000_003L + id);
        }

        private void think() throws InterruptedException {
            Thread.sleep(150 + random.nextInt(600));
        }

        private void text(String text) {
            fake.userText(id, text, chinese ? "zh-hans" : "en");
        }

        private void press(FakeBotApi.Sent message, String payload) {
            String data = FakeBotApi.callbackData(message).stream().filter(d -> d.startsWith(payload + "~")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no button " + payload));
            fake.callback(id, message.chatId(), message.messageId(), data);
        }
    }

    /**
     * An agent on the web desk API: claims each queued ticket, replies once and resolves it. The bot may be
     * down or killed mid-request, so every step is decided afresh from the ticket as the desk shows it, as
     * a person looking at the screen would: a reply whose answer was lost is seen and not written twice.
     */
    public static final class SimulatedAgent {
        static final String TOKEN = "crash-bench-agent-token-alice";
        public static final String TOKEN_SHA256 = sha256(TOKEN);
        static final String REPLY = "Found it: the exchange credits TRC20 deposits after 20 confirmations, it is done now.";

        private final String base;
        private final int tickets;
        private final Duration patience;
        private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2)).build();
        private final ObjectMapper json = new ObjectMapper();

        public SimulatedAgent(String base, int tickets, Duration patience) {
            this.patience = patience;
            this.base = base;
            this.tickets = tickets;
        }

        public boolean work() throws InterruptedException {
            long deadline = System.nanoTime() + patience.toNanos();
            // Seen with a reply already (its event, or our own reply acknowledged): resolving needs no second look.
            var replied = new java.util.HashSet<Long>();
            while (System.nanoTime() < deadline) {
                try {
                    // Only the tickets that still need something, as the desk's filters show them: rereading every
                    // resolved ticket on each pass made a thousand-user run quadratic in its tickets.
                    boolean acted = false;
                    for (String status : List.of("queued", "assigned", "waiting-user")) {
                        for (JsonNode summary : call("GET", "/api/desk/tickets?status=" + status, null).get("tickets")) {
                            acted = true;
                            step(summary, replied);
                        }
                    }
                    if (!acted && done()) {
                        return true;
                    }
                } catch (IOException e) {
                    // the bot is down or was killed mid-request: look again once it is back
                }
                Thread.sleep(200);
            }
            return false;
        }

        private void step(JsonNode summary, java.util.Set<Long> replied) throws IOException, InterruptedException {
            long number = summary.get("id").asLong();
            if (summary.get("assignee").isNull()) {
                call("POST", "/api/desk/tickets/" + number + "/claim", "{}");
                return;
            }
            if (!replied.contains(number)) {
                for (JsonNode e : call("GET", "/api/desk/tickets/" + number, null).get("events")) {
                    if ("reply".equals(e.get("type").asText())) {
                        replied.add(number);
                    }
                }
            }
            if (!replied.contains(number)) {
                call("POST", "/api/desk/tickets/" + number + "/reply", json.writeValueAsString(Map.of("text", REPLY)));
                replied.add(number);
            } else {
                call("POST", "/api/desk/tickets/" + number + "/resolve", "{}");
            }
        }

        /** Every ticket the users were to open is resolved or closed. */
        private boolean done() throws IOException, InterruptedException {
            int finished = 0;
            for (String status : List.of("resolved", "closed")) {
                finished += call("GET", "/api/desk/tickets?status=" + status, null).get("tickets").size();
            }
            return finished >= tickets;
        }

        private JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
            var response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                throw new IOException(method + " " + path + ": " + response.statusCode());
            }
            if (response.statusCode() >= 400) {
                throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
            }
            return json.readTree(response.body());
        }

        private static String sha256(String s) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The comparison of the crash run with the calm one. */
    public record Verdict(List<String> problems, Map<String, Long> counts) {
        public static Verdict of(Outcome calm, Outcome crashed, int users) {
            var problems = new ArrayList<String>();
            var counts = new LinkedHashMap<String, Long>();
            var replies = new Tally();
            var staff = new Tally();
            Map<Long, List<FakeBotApi.Sent>> calmTopics = topicsByUser(calm, users, problems, "calm");
            Map<Long, List<FakeBotApi.Sent>> crashTopics = topicsByUser(crashed, users, problems, "crash");
            for (long u = 1; u <= users; u++) {
                if (!calm.finished().get(u)) {
                    problems.add("user " + u + " could not finish even without kills: the script is broken");
                }
                if (!crashed.finished().get(u)) {
                    problems.add("user " + u + " did not get through to the rating in the crash run");
                }
                replies.compare("user " + u, calm.received().get(u), crashed.received().get(u), crashed.kills(),
                        Verdict::content, problems);
                staff.compare("staff topic of user " + u, calmTopics.getOrDefault(u, List.of()),
                        crashTopics.getOrDefault(u, List.of()), crashed.kills(), Verdict::staffContent, problems);
            }
            checkOrphanTopics(crashed, crashTopics, problems, counts);
            checkTickets(calm, crashed, users, problems, counts);
            if (crashed.pendingOutbox() != 0) {
                problems.add(crashed.pendingOutbox() + " outbox entries still pending after the run");
            }
            if (crashed.undeliverable() != 0) {
                problems.add(crashed.undeliverable() + " messages parked as undeliverable");
            }
            counts.put("kills", (long) crashed.kills().size());
            counts.put("killsDuringStartup", crashed.kills().stream().filter(Kill::duringStartup).count());
            counts.put("usersMidConversationAtKills", crashed.kills().stream()
                    .mapToLong(k -> k.stagesMidConversation().values().stream().mapToInt(Integer::intValue).sum()).sum());
            crashed.kills().forEach(k -> System.err.println("kill at stages " + k.stagesMidConversation()
                    + (k.duringStartup() ? " (bot still starting)" : "")));
            counts.put("repliesExpected", replies.expected);
            counts.put("repliesDeliveredOnce", replies.delivered);
            counts.put("repliesMissing", replies.missing);
            counts.put("repeatsOfMessageInFlightAtKill", replies.repeatsInFlight);
            counts.put("repeatsOther", replies.repeatsOther);
            counts.put("staffMessagesExpected", staff.expected);
            counts.put("staffMessagesDeliveredOnce", staff.delivered);
            counts.put("staffMessagesMissing", staff.missing);
            counts.put("staffRepeatsOfMessageInFlightAtKill", staff.repeatsInFlight);
            counts.put("staffRepeatsOther", staff.repeatsOther);
            counts.put("pendingOutbox", (long) crashed.pendingOutbox());
            counts.put("undeliverable", crashed.undeliverable());
            var ordered = new LinkedHashMap<String, Long>();
            for (String key : List.of("kills", "killsDuringStartup", "usersMidConversationAtKills", "repliesExpected",
                    "repliesDeliveredOnce", "repliesMissing", "repeatsOfMessageInFlightAtKill", "repeatsOther", "tickets",
                    "ticketsCompleteAndUnique", "staffTopics", "staffTopicsRemadeAfterKill", "staffMessagesExpected",
                    "staffMessagesDeliveredOnce", "staffMessagesMissing", "staffRepeatsOfMessageInFlightAtKill",
                    "staffRepeatsOther", "pendingOutbox", "undeliverable")) {
                ordered.put(key, counts.remove(key));
            }
            ordered.putAll(counts);
            return new Verdict(problems, ordered);
        }

        /** Counts over many chats of what the crash run delivered against the calm run. */
        static final class Tally {
            long expected, delivered, missing, repeatsInFlight, repeatsOther;

            /**
             * Compares one chat: the repeats a kill explains are taken out (at most one per kill), any other
             * repeat is a problem, and what is left must equal the calm run's messages, in order.
             */
            void compare(String who, List<FakeBotApi.Sent> calm, List<FakeBotApi.Sent> got, List<Kill> kills,
                         java.util.function.Function<FakeBotApi.Sent, String> content, List<String> problems) {
                List<String> want = calm.stream().map(content).toList();
                var repeatedAtKill = new java.util.HashSet<Kill>();
                var kept = new ArrayList<String>();
                for (int i = 0; i < got.size(); i++) {
                    String c = content.apply(got.get(i));
                    if (i > 0 && c.equals(content.apply(got.get(i - 1)))) {
                        var kill = resentAfterKill(got.get(i - 1).atNanos(), got.get(i).atNanos(), kills);
                        if (kill.isPresent() && repeatedAtKill.add(kill.get())) {
                            repeatsInFlight++;
                        } else {
                            repeatsOther++;
                            problems.add(who + " got message " + i + " twice, and not as the one message on the wire at a kill: "
                                    + clip(c));
                        }
                        continue;
                    }
                    kept.add(c);
                }
                expected += want.size();
                delivered += Math.min(kept.size(), want.size());
                if (!kept.equals(want)) {
                    int at = 0;
                    while (at < Math.min(kept.size(), want.size()) && kept.get(at).equals(want.get(at))) {
                        at++;
                    }
                    missing += Math.max(0, want.size() - kept.size());
                    problems.add(who + ": messages differ from the calm run at #" + at + ": expected "
                            + (at < want.size() ? clip(want.get(at)) : "nothing more") + ", got "
                            + (at < kept.size() ? clip(kept.get(at)) : "nothing more"));
                }
            }
        }

        /** Each ticket's staff topic, found by the account in its card; a user with two topics is a problem. */
        private static Map<Long, List<FakeBotApi.Sent>> topicsByUser(Outcome run, int users, List<String> problems, String which) {
            var byUser = new LinkedHashMap<Long, List<FakeBotApi.Sent>>();
            for (var topic : run.staffTopics().entrySet()) {
                Long user = cardOwner(topic.getValue());
                if (user == null) {
                    continue;
                }
                if (byUser.put(user, topic.getValue()) != null) {
                    problems.add(which + " run: user " + user + " has a card in two staff topics");
                }
            }
            for (long u = 1; u <= users; u++) {
                if (!byUser.containsKey(u)) {
                    problems.add(which + " run: no staff topic holds the ticket of user " + u);
                }
            }
            return byUser;
        }

        private static Long cardOwner(List<FakeBotApi.Sent> topic) {
            for (var m : topic) {
                var account = m.text() == null ? null
                        : java.util.regex.Pattern.compile("Account:</b> user(\\d+)@example\\.com").matcher(m.text());
                if (account != null && account.find()) {
                    return Long.parseLong(account.group(1));
                }
            }
            return null;
        }

        /**
         * A topic with no ticket in it may only be one made while a kill struck: its creation was on the wire,
         * so the restarted bot made the topic again. Anything else is a topic opened twice.
         */
        private static void checkOrphanTopics(Outcome run, Map<Long, List<FakeBotApi.Sent>> byUser, List<String> problems,
                                              Map<String, Long> counts) {
            long orphansAtKill = 0;
            var used = new java.util.HashSet<List<FakeBotApi.Sent>>(byUser.values());
            for (var topic : run.topics()) {
                var messages = run.staffTopics().getOrDefault(topic.threadId(), List.of());
                if (used.contains(messages) && !messages.isEmpty()) {
                    continue;
                }
                if (messages.isEmpty() && run.kills().stream().anyMatch(k -> topic.atNanos() <= k.deadNanos()
                        && topic.atNanos() >= k.signalNanos() - IN_FLIGHT_NANOS)) {
                    orphansAtKill++;
                } else {
                    problems.add("staff topic '" + topic.name() + "' holds no ticket card (" + messages.size() + " messages)");
                }
            }
            counts.put("staffTopics", (long) run.topics().size());
            counts.put("staffTopicsRemadeAfterKill", orphansAtKill);
        }

        /** A staff message: the card (edited as the ticket moves, so only whose it is) or an event line. */
        static String staffContent(FakeBotApi.Sent s) {
            Long owner = cardOwner(List.of(s));
            if (owner != null) {
                return "card of user " + owner;
            }
            return content(s).replaceAll(":\\d+(?=[,\\]])", ":N");
        }

        private static void checkTickets(Outcome calm, Outcome crashed, int users, List<String> problems,
                                         Map<String, Long> counts) {
            Map<String, List<Ticket>> byUser = crashed.tickets().stream()
                    .collect(Collectors.groupingBy(t -> t.draft().conversationKey()));
            Map<String, Ticket> reference = calm.tickets().stream()
                    .collect(Collectors.toMap(t -> t.draft().conversationKey(), t -> t, (a, b) -> a));
            long complete = 0;
            for (long u = 1; u <= users; u++) {
                String key = "telegram:" + u;
                List<Ticket> mine = byUser.getOrDefault(key, List.of());
                if (mine.size() != 1) {
                    problems.add("user " + u + " has " + mine.size() + " tickets, not 1");
                    continue;
                }
                Ticket t = mine.get(0);
                Ticket want = reference.get(key);
                boolean ok = true;
                if (want == null) {
                    problems.add("user " + u + " has no ticket in the calm run");
                    continue;
                }
                for (var d : want.draft().details().entrySet()) {
                    if (d.getKey() == DetailType.SCREENSHOT) {
                        continue; // its path names the message, which differs between runs; the bytes are checked below
                    }
                    var have = t.draft().details().get(d.getKey());
                    if (have == null || !have.value().equals(d.getValue().value())) {
                        problems.add("ticket of user " + u + ": " + d.getKey() + " is " + (have == null ? "missing" : have.value())
                                + ", expected " + d.getValue().value());
                        ok = false;
                    }
                }
                if (!t.draft().details().containsKey(DetailType.TX_HASH)
                        || !t.draft().details().get(DetailType.TX_HASH).value().equals(SimulatedUser.txHash(u))) {
                    problems.add("ticket of user " + u + " lacks the user's own transaction hash");
                    ok = false;
                }
                var files = crashed.attachmentBytes().get(t.draft().number());
                if (files == null || files.size() != 1
                        || !java.util.Arrays.equals(files.values().iterator().next(), crashed.screenshots().get(u))) {
                    problems.add("ticket of user " + u + " does not hold exactly the screenshot the user sent");
                    ok = false;
                }
                if (t.status() != supportbot.ticket.TicketStatus.RESOLVED || t.rating() == null || t.rating().stars() != 5) {
                    problems.add("ticket of user " + u + " is " + t.status() + " rated " + (t.rating() == null ? "never" : t.rating().stars())
                            + ", expected resolved and rated 5");
                    ok = false;
                }
                for (String type : List.of("opened", "claimed", "reply", "resolved")) {
                    long n = t.events().stream().filter(e -> e.type().label().equals(type)).count();
                    if (n != 1) {
                        problems.add("ticket of user " + u + " has " + n + " '" + type + "' events, not 1");
                        ok = false;
                    }
                }
                if (ok) {
                    complete++;
                }
            }
            counts.put("tickets", (long) crashed.tickets().size());
            counts.put("ticketsCompleteAndUnique", complete);
        }

        /**
         * The kill that explains a repeat Telegram's API cannot prevent: the first copy was accepted just before
         * the kill struck (so the bot may not have recorded it) and the copy came after the restart. Each kill
         * explains at most one repeat per chat, since a chat's messages go one at a time.
         */
        private static java.util.Optional<Kill> resentAfterKill(long first, long copy, List<Kill> kills) {
            return kills.stream().filter(k -> first <= k.deadNanos() && first >= k.signalNanos() - IN_FLIGHT_NANOS
                    && copy >= k.restartNanos()).findFirst();
        }

        /**
         * What the user sees: the text and the buttons. Left out are what depends on other users or the clock
         * rather than on this conversation: ticket numbers and queue positions (who confirmed first), the
         * agents' hours, the date "yesterday" stands for, and the agent's verification code (derived from each
         * run's own key).
         */
        public static String content(FakeBotApi.Sent s) {
            String text = s.text() == null ? "" : s.text().replaceAll("#\\d+", "#N")
                    .replaceAll("(?m)^(You are number|您目前排在|Our agents are off duty|客服现在不在工作时间).*$", "$1…")
                    .replaceAll("\\d{4}-\\d{2}-\\d{2}", "DATE")
                    .replaceAll("alice \\([^)]*\\)", "alice (CODE)");
            return s.method() + ":" + text + " " + FakeBotApi.payloads(s);
        }

        private static String clip(String s) {
            return s.length() > 120 ? s.substring(0, 120) + "…" : s;
        }

        public String json(int users, int kills, long seed) {
            var sb = new StringBuilder("{\"users\":").append(users).append(",\"seed\":").append(seed);
            counts.forEach((k, v) -> sb.append(",\"").append(k).append("\":").append(v));
            return sb.append(",\"problems\":").append(problems.size()).append("}").toString();
        }
    }
}

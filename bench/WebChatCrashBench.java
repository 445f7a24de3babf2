import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import supportbot.store.Store;
import supportbot.store.TranscriptLine;

/**
 * Crash test for the web chat: the bot runs as its own process (the fat jar); N web chat sessions each send
 * M messages as fast as the bot lets them (each as soon as the previous one is acknowledged, a 429 waits
 * its Retry-After), as the widget does: every message carries its own id and is sent again, with the same
 * id, until it is acknowledged. Meanwhile the bot is killed with {@code kill -9} and restarted. Then the store
 * is read. Exits 1, listing the problems, unless:
 * <ul>
 *   <li>every acknowledged message is in its session's transcript (acknowledged-but-lost is 0);</li>
 *   <li>every message is there exactly once, however often it was sent;</li>
 *   <li>every user message is followed by the bot's reply.</li>
 * </ul>
 *
 *   bench/web-crash.sh [sessions] [kills] [messages per session] [first kill after seconds] [seed]
 *
 * With a first-kill time, the first kill comes then; the others (or all, without one) come at random points
 * of the sessions' progress.
 */
public class WebChatCrashBench {
    static final Path JAR = Path.of("target/support-bot.jar");
    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int sessions = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int kills = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int messages = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        double firstKillAfter = args.length > 3 ? Double.parseDouble(args[3]) : -1;
        long seed = args.length > 4 ? Long.parseLong(args[4]) : System.currentTimeMillis();
        Path work = Files.createTempDirectory("support-bot-web-crash");
        System.err.printf("web chat crash test: %d sessions x %d messages, %d kills, seed %d, files in %s%n", sessions,
                messages, kills, seed, work);
        int port = freePort();
        Path data = work.resolve("data");
        Path config = work.resolve("application.yaml");
        // The flood limit is the shipped one (12 per 10 s) unless FLOOD_MESSAGES says otherwise (a lower one makes
        // 429s certain on a slow machine); the session cap is raised: all sessions share 127.0.0.1.
        int flood = Integer.parseInt(System.getenv().getOrDefault("FLOOD_MESSAGES", "12"));
        Files.writeString(config, """
                http:
                  host: 127.0.0.1
                  port: %d
                  chatSessionsPerAddress: 100000
                data:
                  dir: %s
                faq:
                  dir: %s
                  watch: false
                  semantic: false
                telegram:
                  enabled: "off"
                discord:
                  enabled: "off"
                safety:
                  floodMessages: %d
                  floodSeconds: 10
                """.formatted(port, data.toAbsolutePath(), Path.of("faq-data").toAbsolutePath(), flood));
        var bot = new BotProcess(config, work.resolve("bot.log"), port);
        bot.start();
        bot.awaitHealthy(Duration.ofMinutes(3));
        var counts = new Counts();
        var pool = Executors.newFixedThreadPool(Math.min(sessions, 256));
        var users = new ArrayList<WebUser>();
        var results = new ArrayList<Future<?>>();
        long started = System.nanoTime();
        for (int s = 0; s < sessions; s++) {
            var user = new WebUser(s, messages, port, counts);
            users.add(user);
            results.add(pool.submit(() -> {
                user.run();
                return null;
            }));
        }
        var random = new Random(seed);
        long total = (long) sessions * messages;
        for (int k = 0; k < kills; k++) {
            if (k == 0 && firstKillAfter >= 0) {
                long due = started + (long) (firstKillAfter * 1e9);
                while (System.nanoTime() < due && results.stream().anyMatch(f -> !f.isDone())) {
                    Thread.sleep(10);
                }
            } else {
                // Spread over the sessions' progress (messages acknowledged), so every kill lands mid-traffic
                // however long restarts take on a busy machine.
                double at = (k + 0.6 + 0.8 * random.nextDouble()) / (kills + 1);
                while (counts.acked.get() < at * total && results.stream().anyMatch(f -> !f.isDone())) {
                    Thread.sleep(10);
                }
                Thread.sleep(random.nextInt(300));
            }
            long acked = counts.acked.get();
            bot.kill9();
            counts.kills.incrementAndGet();
            System.err.printf("kill -9 at %.1f s (%d messages acknowledged so far)%n", (System.nanoTime() - started) / 1e9, acked);
            bot.start();
            bot.awaitHealthy(Duration.ofMinutes(3));
        }
        for (var f : results) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        bot.stop();
        var problems = new ArrayList<String>();
        long lost = 0;
        long duplicated = 0;
        long unanswered = 0;
        try (Store store = Store.open(data)) {
            for (var user : users) {
                List<TranscriptLine> lines = store.transcript("web:" + user.sessionId, 0);
                var seen = new java.util.HashMap<String, Integer>();
                for (int i = 0; i < lines.size(); i++) {
                    TranscriptLine l = lines.get(i);
                    if (!l.from().equals("user")) {
                        continue;
                    }
                    seen.merge(l.text(), 1, Integer::sum);
                    boolean answered = i + 1 < lines.size() && !lines.get(i + 1).from().equals("user");
                    if (!answered) {
                        unanswered++;
                        problems.add("session " + user.index + ": no reply to \"" + l.text() + "\"");
                    }
                }
                for (int m = 1; m <= messages; m++) {
                    String text = user.text(m);
                    int n = seen.getOrDefault(text, 0);
                    if (n == 0 && user.acked.contains(m)) {
                        lost++;
                        problems.add("session " + user.index + ": acknowledged message " + m + " is not in the store");
                    } else if (n == 0) {
                        problems.add("session " + user.index + ": message " + m + " was never acknowledged");
                    } else if (n > 1) {
                        duplicated++;
                        problems.add("session " + user.index + ": message " + m + " is in the store " + n + " times");
                    }
                }
            }
        }
        problems.stream().limit(50).forEach(p -> System.err.println("PROBLEM: " + p));
        System.out.printf("{\"sessions\":%d,\"messagesPerSession\":%d,\"floodMessagesPer10s\":%d,\"kills\":%d,\"seed\":%d,\"seconds\":%.1f,"
                        + "\"acknowledged\":%d,\"acknowledgedButLost\":%d,\"storedTwice\":%d,\"unanswered\":%d,"
                        + "\"refused429\":%d,\"sendsWithoutAnswer\":%d,\"duplicateAnswers\":%d,\"problems\":%d}%n",
                sessions, messages, flood, counts.kills.get(), seed, seconds, counts.acked.get(), lost, duplicated, unanswered,
                counts.refused429.get(), counts.resent.get(), counts.duplicates.get(), problems.size());
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    public static final class Counts {
        public final AtomicLong acked = new AtomicLong();
        public final AtomicLong refused429 = new AtomicLong();
        public final AtomicLong resent = new AtomicLong();
        public final AtomicLong duplicates = new AtomicLong();
        public final AtomicLong kills = new AtomicLong();
    }

    /** One web chat session behaving like the widget: one message at a time, each resent until acknowledged. */
    public static final class WebUser {
        public final int index;
        final int messages;
        final Counts counts;
        final String base;
        public final java.util.Set<Integer> acked = ConcurrentHashMap.newKeySet();
        public volatile String sessionId;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        public WebUser(int index, int messages, int port, Counts counts) {
            this.index = index;
            this.messages = messages;
            this.counts = counts;
            this.base = "http://127.0.0.1:" + port;
        }

        public String text(int m) {
            return "hello, this is session " + index + " with question number " + m + " about my wallet";
        }

        public void run() throws InterruptedException {
            sessionId = createSession();
            for (int m = 1; m <= messages; m++) {
                send(m);
            }
        }

        private String createSession() throws InterruptedException {
            while (true) {
                try {
                    var res = http.send(HttpRequest.newBuilder(URI.create(base + "/api/chat/sessions"))
                            .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (res.statusCode() == 201) {
                        return JSON.readTree(res.body()).get("sessionId").asText();
                    }
                } catch (IOException e) {
                    // the bot is down: try again
                }
                Thread.sleep(200);
            }
        }

        private void send(int m) throws InterruptedException {
            String body;
            try {
                body = JSON.writeValueAsString(java.util.Map.of("text", text(m), "id", "s" + index + "-m" + m));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            boolean first = true;
            while (true) {
                if (!first) {
                    counts.resent.incrementAndGet();
                }
                first = false;
                try {
                    var res = http.send(HttpRequest.newBuilder(URI.create(base + "/api/chat/sessions/" + sessionId + "/messages"))
                            .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (res.statusCode() == 202) {
                        JsonNode answer = JSON.readTree(res.body());
                        if (answer.path("duplicate").asBoolean()) {
                            counts.duplicates.incrementAndGet();
                        }
                        acked.add(m);
                        counts.acked.incrementAndGet();
                        return;
                    }
                    if (res.statusCode() == 429) {
                        counts.refused429.incrementAndGet();
                        counts.resent.decrementAndGet(); // a 429 is not a lost answer
                        long wait = Long.parseLong(res.headers().firstValue("Retry-After").orElse("1"));
                        Thread.sleep(wait * 1000);
                        continue;
                    }
                    if (res.statusCode() < 500) {
                        throw new IllegalStateException("session " + index + " message " + m + ": " + res.statusCode() + " " + res.body());
                    }
                } catch (IOException e) {
                    // no answer (the bot was killed mid-request): send it again with the same id
                }
                Thread.sleep(200);
            }
        }
    }

    static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static final class BotProcess {
        private final Path config;
        private final Path log;
        private final int port;
        private Process process;

        BotProcess(Path config, Path log, int port) {
            this.config = config;
            this.log = log;
            this.port = port;
        }

        void start() throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            var pb = new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toString(), "run", "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().remove("TELEGRAM_BOT_TOKEN");
            pb.environment().remove("DISCORD_BOT_TOKEN");
            process = pb.start();
        }

        void awaitHealthy(Duration max) throws InterruptedException {
            var http = HttpClient.newHttpClient();
            long end = System.nanoTime() + max.toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the bot exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    var res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    if (res.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not up yet
                }
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("the bot did not answer /health in " + max + "; see " + log);
                }
                Thread.sleep(50);
            }
        }

        /** kill -9: on Linux the JDK's forcible destroy is SIGKILL, with no shutdown hook and no flush. */
        void kill9() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("the bot did not stop within 60 s of SIGTERM; see " + log);
            }
        }
    }
}

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import supportbot.channel.telegram.FakeBotApi;

/**
 * Traffic for checking the Grafana dashboard: the bot as its own process (the fat jar, JSON logs) on a fake
 * Telegram Bot API with Telegram's limits, /metrics on 127.0.0.1:PORT. Users ask FAQ questions (answer,
 * suggest, none), ask for a human, repeat themselves; a few have blocked the bot (parked replies) and the fake
 * answers some sends with 429. Runs until SECONDS pass or the file STOP appears, then stops the bot.
 *
 *   java -cp target/support-bot.jar:target/test-classes bench/DashboardLoad.java PORT SECONDS STOP WORKDIR
 */
public class DashboardLoad {
    private static final String TOKEN = "123456:DASHBOARD-token-for-the-fake-bot-api";
    private static final List<String> TEXTS = List.of(
            "How do I change the app language or display currency?",
            "how do I back up my recovery phrase",
            "my transfer has been pending for many hours now",
            "wallet",
            "talk to a human",
            "the app crashes every time I open the asset page",
            "qwertyuiop asdfgh");

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long seconds = Long.parseLong(args[1]);
        Path stop = Path.of(args[2]);
        Path dir = Path.of(args[3]);
        Files.createDirectories(dir);
        try (FakeBotApi fake = FakeBotApi.start(TOKEN)) {
            fake.enforceRateLimits(1, 30);
            Path config = dir.resolve("application.yaml");
            Files.writeString(config, """
                    http:
                      host: 127.0.0.1
                      port: %d
                    data:
                      dir: %s
                    faq:
                      dir: %s
                      semantic: false
                      watch: false
                    safety:
                      floodMessages: 1000
                    telegram:
                      enabled: "on"
                      apiUrl: %s
                      pollTimeoutSeconds: 1
                    """.formatted(port, dir.resolve("data").toAbsolutePath(), Path.of("faq-data").toAbsolutePath(),
                    fake.baseUrl()));
            String java = ProcessHandle.current().info().command().orElse("java");
            var pb = new ProcessBuilder(java, "-Xmx512m", "-jar", "target/support-bot.jar", "run", "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("bot.log").toFile()));
            pb.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
            pb.environment().put("LOG_FORMAT", "json");
            Process bot = pb.start();
            try {
                long upBy = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (fake.getUpdatesOffsets().isEmpty()) {
                    if (!bot.isAlive() || System.nanoTime() > upBy) {
                        throw new IllegalStateException("the bot did not start polling; see " + dir.resolve("bot.log"));
                    }
                    Thread.sleep(100);
                }
                System.out.println("polling");
                for (long blocked = 9001; blocked <= 9003; blocked++) {
                    fake.blockUser(blocked);
                    fake.userText(blocked, "hello");
                }
                long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
                long sent = 0;
                // About 8 messages a second from 200 users: busy enough for every panel, bounded in count and time.
                while (System.nanoTime() < end && !Files.exists(stop)) {
                    long user = 1 + sent % 200;
                    fake.userText(user, TEXTS.get((int) ((sent / 200 + user) % TEXTS.size())));
                    if (sent % 100 == 50) {
                        fake.failNext("sendMessage", 2, 1); // Telegram's "Too Many Requests", as a burst would get
                    }
                    sent++;
                    Thread.sleep(125);
                }
                System.out.printf("{\"messagesIn\":%d,\"repliesOut\":%d,\"answered429\":%d}%n", sent + 3,
                        fake.sentCount(), fake.tooManyRequestsAnswered());
            } finally {
                bot.destroy();
                bot.waitFor();
            }
        }
    }
}

package supportbot.channel.telegram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import supportbot.cli.BotAssembly;
import supportbot.config.AppConfig;
import supportbot.config.ConfigLoader;
import supportbot.faq.FaqIndexer;
import supportbot.faq.FaqService;

/**
 * The real bot (store, engine, desk, outbox, shipped FAQ in BM25 mode) with the Telegram connector pointed at
 * a {@link FakeBotApi} on 127.0.0.1. {@link #restart()} closes everything but the data directory and the fake.
 */
final class TelegramTestBot implements AutoCloseable {
    static final String TOKEN = "123456:TEST-token-for-the-fake-bot-api";
    static final long STAFF = -1001234567890L;
    static final long ALICE_TG = 501;
    static final long SUE_TG = 503;

    final FakeBotApi fake;
    private final Path dir;
    private final String extraYaml;
    private final FaqService faq;
    BotAssembly bot;
    TelegramConnector connector;
    AppConfig config;

    private io.javalin.Javalin web;
    private final int webPort;
    private final int floodMessages;
    private final int floodSeconds;

    TelegramTestBot(Path dir, String extraYaml) throws IOException {
        this(dir, extraYaml, 0);
    }

    /** @param webPort when above 0, our HTTP server runs there and serves the webhook route */
    TelegramTestBot(Path dir, String extraYaml, int webPort) throws IOException {
        this(dir, extraYaml, webPort, 1000);
    }

    /** @param floodMessages per 10 s: tests click through flows far faster than people do */
    TelegramTestBot(Path dir, String extraYaml, int webPort, int floodMessages) throws IOException {
        this(dir, extraYaml, webPort, floodMessages, 10);
    }

    /** @param floodSeconds the window {@code floodMessages} refill over */
    TelegramTestBot(Path dir, String extraYaml, int webPort, int floodMessages, int floodSeconds) throws IOException {
        this.floodMessages = floodMessages;
        this.floodSeconds = floodSeconds;
        this.webPort = webPort;
        this.dir = dir;
        this.extraYaml = extraYaml;
        this.fake = FakeBotApi.start(TOKEN);
        fake.registerForum(STAFF);
        var settings = new ConfigLoader().defaults().searchSettings().withSemantic(false);
        this.faq = new FaqService(Path.of("faq-data"), null, settings, FaqIndexer.Progress.SILENT);
        boot();
    }

    /** Test defaults: short polls, a staff forum, two agents, and limits loose enough for quick tests. */
    private void boot() throws IOException {
        Path file = dir.resolve("application.yaml");
        Files.writeString(file, """
                data:
                  dir: %s
                faq:
                  semantic: false
                  watch: false
                safety:
                  floodMessages: %d
                  floodSeconds: %d
                desk:
                  agents:
                    - {name: alice, role: agent, telegramUserId: %d}
                    - {name: sue, role: supervisor, telegramUserId: %d}
                telegram:
                  enabled: "on"
                  apiUrl: %s
                  pollTimeoutSeconds: 1
                  staffChatId: %d
                %s
                """.formatted(dir.resolve("data"), floodMessages, floodSeconds, ALICE_TG, SUE_TG, fake.baseUrl(), STAFF, extraYaml));
        config = new ConfigLoader().load(file);
        var settings = TelegramSettings.from(config.telegram(), Map.of(TelegramSettings.TOKEN_ENV, TOKEN)).orElseThrow();
        bot = new BotAssembly(config, faq, Set.of(TelegramKeys.CHANNEL));
        connector = TelegramConnector.connect(settings, bot.connectorParts());
        bot.outbox.start();
        if (webPort > 0) {
            var route = new supportbot.web.WebServer.PostRoute(connector.webhookPath(), ctx -> ctx.status(
                    connector.onWebhook(ctx.header("X-Telegram-Bot-Api-Secret-Token"), ctx.bodyAsBytes())));
            var sla = bot.deskSettings.sla();
            web = supportbot.web.WebServer.start("127.0.0.1", webPort, faq, bot.webChat,
                    new supportbot.web.WebServer.DeskApiParts(bot.desk, bot.agents, bot.store, sla,
                            java.time.Clock.systemUTC(), bot.committer, bot.deskSettings.hours().zone()), java.util.List.of(route));
        }
    }

    static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    TelegramTestBot start() {
        connector.start();
        return this;
    }

    void stop() {
        if (web != null) {
            web.stop();
        }
        connector.close();
        bot.close();
    }

    TelegramTestBot restart() throws IOException {
        stop();
        boot();
        return start();
    }

    Path dataDir() {
        return dir.resolve("data");
    }

    /**
     * Waits until nothing the bot was given can still have an effect: every update the fake queued is confirmed
     * by a getUpdates offset (the bot moves it only after committing the update's effects), every reply that
     * produced is delivered, and the staff forum shows every ticket change. A test that asserts something did
     * not happen waits for this first, instead of sleeping and hoping the machine was fast enough.
     */
    void awaitQuiet() {
        fake.awaitCondition(() -> fake.pendingUpdates() == 0, TelegramFlowsTest.WAIT, "every update committed");
        fake.awaitCondition(() -> bot.store.pendingOutbox(1).isEmpty(), TelegramFlowsTest.WAIT, "the outbox empty");
        String cursor = supportbot.store.Store.feedCursor(TelegramStaffSurface.NAME);
        fake.awaitCondition(() -> bot.store.ticketFeed(bot.store.counter(cursor), 1).isEmpty(), TelegramFlowsTest.WAIT,
                "the staff forum showing every ticket change");
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            fake.close();
        }
    }
}

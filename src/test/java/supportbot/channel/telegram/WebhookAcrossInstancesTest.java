package supportbot.channel.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.cli.BotAssembly;
import supportbot.config.ConfigLoader;
import supportbot.faq.FaqIndexer;
import supportbot.faq.FaqService;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;
import supportbot.store.contract.Backends;
import supportbot.store.postgres.PostgresBackend;

/**
 * Webhook mode with several instances on one PostgreSQL database: Telegram is given one secret, and every
 * instance accepts the calls that carry it, whichever the load balancer picks.
 */
class WebhookAcrossInstancesTest {
    @TempDir
    Path dir;
    private final String schema = "webhook_" + UUID.randomUUID().toString().replace("-", "");
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        var s = Backends.settings(schema);
        try (var c = DriverManager.getConnection(s.url(), s.user(), s.password()); var st = c.createStatement()) {
            st.execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Test
    void instancesStartingTogetherAllKeepTheFirstSecret() throws Exception {
        Backends.assumePostgres();
        int instances = 4;
        var barrier = new CyclicBarrier(instances);
        var pool = Executors.newFixedThreadPool(instances);
        open.add(pool::shutdownNow);
        var settings = new TelegramSettings("1:x", java.net.URI.create("http://127.0.0.1:1"), TelegramSettings.Mode.WEBHOOK,
                50, "http://127.0.0.1", "/telegram/webhook", null, null, null, 1, null, null, List.of());
        var answers = new ArrayList<Future<String>>();
        for (int i = 0; i < instances; i++) {
            var store = Store.over(PostgresBackend.open(Backends.settings(schema)));
            var committer = new GroupCommitter(store);
            open.add(store);
            open.add(committer);
            answers.add(pool.submit(() -> {
                barrier.await();
                return WebhookSecret.resolve(settings, committer);
            }));
        }
        Set<String> secrets = new HashSet<>();
        for (var a : answers) {
            secrets.add(a.get());
        }
        assertEquals(1, secrets.size(), "every instance uses the same secret: " + secrets.size() + " different ones");
        assertTrue(secrets.iterator().next().matches("[0-9a-f]{48}"));
    }

    @Test
    void twoInstancesSetTheSameWebhookAndBothTakeTelegramsCalls() throws Exception {
        Backends.assumePostgres();
        var s = Backends.settings(schema);
        try (var c = DriverManager.getConnection(s.url(), s.user(), s.password()); var st = c.createStatement()) {
            st.execute("create schema " + schema);
        }
        var fake = FakeBotApi.start(TelegramTestBot.TOKEN);
        open.add(fake);
        var faq = new FaqService(Path.of("faq-data"), null,
                new ConfigLoader().defaults().searchSettings().withSemantic(false), FaqIndexer.Progress.SILENT);
        String url = Backends.URL + (Backends.URL.contains("?") ? "&" : "?") + "currentSchema=" + schema
                + "&user=" + s.user() + (s.password() == null ? "" : "&password=" + s.password());
        List<String> hooks = new ArrayList<>();
        List<BotAssembly> bots = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path home = Files.createDirectories(dir.resolve("instance" + i));
            int port = TelegramTestBot.freePort();
            Path file = home.resolve("application.yaml");
            Files.writeString(file, """
                    data:
                      dir: %s
                    store:
                      kind: postgres
                      url: "%s"
                      poolSize: 3
                    faq:
                      semantic: false
                      watch: false
                    telegram:
                      enabled: "on"
                      apiUrl: %s
                      mode: webhook
                      webhook: {publicUrl: "http://127.0.0.1:%d"}
                    """.formatted(home.resolve("data"), url, fake.baseUrl(), port));
            var config = new ConfigLoader().load(file);
            var settings = TelegramSettings.from(config.telegram(), Map.of(TelegramSettings.TOKEN_ENV,
                    TelegramTestBot.TOKEN)).orElseThrow();
            var bot = new BotAssembly(config, faq, Set.of(TelegramKeys.CHANNEL));
            open.add(bot);
            bots.add(bot);
            var connector = TelegramConnector.connect(settings, bot.connectorParts());
            open.add(connector);
            var route = new supportbot.web.WebServer.PostRoute(connector.webhookPath(), ctx -> ctx.status(
                    connector.onWebhook(ctx.header("X-Telegram-Bot-Api-Secret-Token"), ctx.bodyAsBytes())));
            Javalin web = supportbot.web.WebServer.start("127.0.0.1", port, faq, bot.webChat,
                    new supportbot.web.WebServer.DeskApiParts(bot.desk, bot.agents, bot.store, bot.deskSettings.sla(),
                            java.time.Clock.systemUTC(), bot.committer, bot.deskSettings.hours().zone()), List.of(route));
            open.add(web::stop);
            connector.start();
            hooks.add("http://127.0.0.1:" + port + "/telegram/webhook");
        }
        var calls = fake.calls("setWebhook");
        assertEquals(2, calls.size(), "each instance set the webhook once");
        String secret = calls.get(0).get("secret_token").asText();
        assertEquals(secret, calls.get(1).get("secret_token").asText(), "with the same secret");
        assertEquals(secret, fake.webhookSecret());

        assertEquals(200, fake.postToWebhook(hooks.get(0), secret, fake.userTextUpdateJson(301, "hello")));
        assertEquals(200, fake.postToWebhook(hooks.get(1), secret, fake.userTextUpdateJson(302, "hello")));
        assertEquals(401, fake.postToWebhook(hooks.get(1), "not-the-secret", fake.userTextUpdateJson(303, "hello")));
        for (BotAssembly bot : bots) {
            assertTrue(bot.store.conversation(TelegramKeys.privateChat(301)).isPresent(), "both see the shared store");
            assertTrue(bot.store.conversation(TelegramKeys.privateChat(302)).isPresent());
            assertTrue(bot.store.conversation(TelegramKeys.privateChat(303)).isEmpty(), "a refused call changes nothing");
        }
    }
}

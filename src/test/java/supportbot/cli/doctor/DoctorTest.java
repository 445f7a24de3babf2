package supportbot.cli.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.store.Store;

/** The doctor against fake Telegram and Discord APIs on 127.0.0.1. */
class DoctorTest {
    private static final String TG_TOKEN = "123456789:AAHfakeTelegramTokenForDoctorTests_x";
    private static final String DC_TOKEN = "MTIzNDU2Nzg5.fake-discord-token.doctor-tests";
    private static final String HOOK_BASE = "https://bot.example.com";
    private static final Map<String, String> ENV = Map.of("TELEGRAM_BOT_TOKEN", TG_TOKEN, "DISCORD_BOT_TOKEN", DC_TOKEN);

    @TempDir
    Path dir;

    private HttpServer api;
    /** What the fake Telegram says the webhook is. */
    private final AtomicReference<String> webhookInfo = new AtomicReference<>();

    @BeforeEach
    void startFakeApis() throws IOException {
        webhookInfo.set("{\"url\":\"" + HOOK_BASE + "/telegram/webhook\",\"pending_update_count\":0}");
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/", this::handle);
        api.start();
    }

    @AfterEach
    void stop() {
        api.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        int status;
        String body;
        if (path.equals("/bot" + TG_TOKEN + "/getMe")) {
            status = 200;
            body = "{\"ok\":true,\"result\":{\"id\":123456789,\"is_bot\":true,\"username\":\"fake_support_bot\"}}";
        } else if (path.equals("/bot" + TG_TOKEN + "/getWebhookInfo")) {
            status = 200;
            body = "{\"ok\":true,\"result\":" + webhookInfo.get() + "}";
        } else if (path.startsWith("/bot")) {
            status = 401;
            body = "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}";
        } else if (path.equals("/api/v10/gateway/bot")) {
            boolean good = ("Bot " + DC_TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"));
            status = good ? 200 : 401;
            body = good ? "{\"url\":\"wss://gateway.discord.gg\",\"shards\":1,\"session_start_limit\":"
                    + "{\"total\":1000,\"remaining\":999,\"reset_after\":1000,\"max_concurrency\":1}}"
                    : "{\"message\":\"401: Unauthorized\",\"code\":0}";
        } else {
            status = 404;
            body = "{}";
        }
        ex.getResponseHeaders().set("Content-Type", "application/json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private String base() {
        return "http://127.0.0.1:" + api.getAddress().getPort();
    }

    private Path config(String dataDir, String apiBase) throws IOException {
        String yaml = """
                data: {dir: "%s"}
                dialogue: {dir: "%s"}
                faq: {dir: "%s"}
                telegram:
                  apiUrl: "%s"
                  mode: webhook
                  webhook: {publicUrl: "%s"}
                discord:
                  guildId: 42
                  apiUrl: "%s/api/v10"
                """.formatted(dataDir, Path.of("config").toAbsolutePath(), Path.of("faq-data").toAbsolutePath(),
                apiBase, HOOK_BASE, apiBase);
        return Files.writeString(dir.resolve("app.yaml"), yaml);
    }

    private Path healthyConfig() throws IOException {
        return config(dir.resolve("data").toString(), base());
    }

    private static List<Check> run(Path config, Map<String, String> env) {
        return new Doctor(env, Duration.ofSeconds(5)).run(config, null);
    }

    private static Check named(List<Check> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(
                "no check " + name + " in " + checks));
    }

    private static String printed(List<Check> checks) {
        var bytes = new ByteArrayOutputStream();
        Doctor.print(checks, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains(TG_TOKEN) || out.contains(DC_TOKEN), "a token was printed:\n" + out);
        assertFalse(out.contains("AAHfakeTelegram") || out.contains("fake-discord-token"), "part of a token:\n" + out);
        return out;
    }

    @Test
    void aHealthySetupIsAllOk() throws IOException {
        var checks = run(healthyConfig(), ENV);
        String out = printed(checks);
        for (Check c : checks) {
            assertEquals(Check.Status.OK, c.status(), out);
        }
        assertEquals(List.of("config", "faq", "data dir", "telegram", "webhook", "discord", "clock"),
                checks.stream().map(Check::name).toList());
        assertTrue(named(checks, "telegram").detail().contains("@fake_support_bot"), out);
        assertTrue(named(checks, "faq").detail().matches("\\d+ topics \\(\\d+ in zh, \\d+ in en\\).*"), out);
        assertTrue(out.contains("All checks passed."), out);
        assertTrue(Doctor.print(checks, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    @Test
    void aBadTokenFailsWithAHintAndIsNeverPrinted() throws IOException {
        var env = Map.of("TELEGRAM_BOT_TOKEN", "987654321:AAHthisTokenWasRevokedLongAgo_xyz",
                "DISCORD_BOT_TOKEN", "revoked.discord.token");
        var checks = run(healthyConfig(), env);
        String out = printed(checks);
        assertFalse(out.contains("AAHthisTokenWasRevoked") || out.contains("revoked.discord.token"), out);
        Check telegram = named(checks, "telegram");
        assertEquals(Check.Status.FAIL, telegram.status(), out);
        assertTrue(telegram.detail().contains("401") && telegram.hint().contains("TELEGRAM_BOT_TOKEN"), out);
        assertEquals(Check.Status.FAIL, named(checks, "discord").status(), out);
        assertTrue(named(checks, "discord").hint().contains("DISCORD_BOT_TOKEN"), out);
        assertEquals(Check.Status.OK, named(checks, "clock").status(), "the 401 still carried the Date: " + out);
        assertFalse(Doctor.print(checks, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    @Test
    void anUnreachableApiFailsAndSaysWhere() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        var checks = run(config(dir.resolve("data").toString(), "http://127.0.0.1:" + closedPort), ENV);
        String out = printed(checks);
        assertEquals(Check.Status.FAIL, named(checks, "telegram").status(), out);
        assertTrue(named(checks, "telegram").detail().contains("cannot reach http://127.0.0.1:" + closedPort), out);
        assertEquals(Check.Status.FAIL, named(checks, "discord").status(), out);
        assertEquals(Check.Status.SKIP, named(checks, "clock").status(), out);
    }

    @Test
    void aWrongWebhookUrlFails() throws IOException {
        webhookInfo.set("{\"url\":\"https://old-host.example.com/telegram/webhook\",\"pending_update_count\":7}");
        var checks = run(healthyConfig(), ENV);
        String out = printed(checks);
        Check webhook = named(checks, "webhook");
        assertEquals(Check.Status.FAIL, webhook.status(), out);
        assertTrue(webhook.detail().contains("old-host.example.com") && webhook.detail().contains(HOOK_BASE), out);
    }

    @Test
    void theWebhooksLastErrorIsReported() throws IOException {
        long fiveMinutesAgo = Instant.now().minusSeconds(300).getEpochSecond();
        webhookInfo.set("{\"url\":\"" + HOOK_BASE + "/telegram/webhook\",\"pending_update_count\":12,"
                + "\"last_error_date\":" + fiveMinutesAgo + ",\"last_error_message\":\"SSL error: certificate expired\"}");
        var checks = run(healthyConfig(), ENV);
        String out = printed(checks);
        Check webhook = named(checks, "webhook");
        assertEquals(Check.Status.WARN, webhook.status(), out);
        assertTrue(webhook.detail().contains("SSL error: certificate expired") && webhook.detail().contains("12"), out);
    }

    @Test
    void anUnwritableDataDirFails() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        var checks = run(config(file.toString(), base()), ENV);
        assertEquals(Check.Status.FAIL, named(checks, "data dir").status(), printed(checks));

        checks = run(config(file.resolve("data").toString(), base()), ENV);
        Check below = named(checks, "data dir");
        assertEquals(Check.Status.FAIL, below.status(), printed(checks));
        assertTrue(below.detail().contains("cannot be created"), below.detail());

        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        assertTrue(readOnly.toFile().setWritable(false, false));
        if (!Files.isWritable(readOnly)) { // root writes anyway: this part only proves something for other users
            checks = run(config(readOnly.toString(), base()), ENV);
            assertEquals(Check.Status.FAIL, named(checks, "data dir").status(), printed(checks));
        }
        assertTrue(readOnly.toFile().setWritable(true, false));
    }

    @Test
    void aDataDirHeldByARunningBotIsReported() throws IOException {
        Path data = dir.resolve("data");
        try (Store store = Store.open(data)) {
            var checks = run(config(data.toString(), base()), ENV);
            Check check = named(checks, "data dir");
            assertEquals(Check.Status.WARN, check.status(), printed(checks));
            assertTrue(check.detail().contains("in use"), check.detail());
        }
        assertEquals(Check.Status.OK, named(run(config(data.toString(), base()), ENV), "data dir").status(),
                "free again once the bot stopped");
    }

    @Test
    void aClockOffByMinutesIsAWarning() throws IOException {
        // The JDK's HttpServer writes its own Date header, so it is this machine's clock that is set wrong.
        var fastClock = java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofMinutes(3));
        var checks = new Doctor(ENV, Duration.ofSeconds(5), fastClock).run(healthyConfig(), null);
        Check clock = named(checks, "clock");
        assertEquals(Check.Status.WARN, clock.status(), printed(checks));
        assertTrue(clock.detail().contains("ahead of Telegram"), clock.detail());
    }

    @Test
    void aBadConfigKeyIsNamedAndTheRestSkipped() throws IOException {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "http:\n  port: 8080\n  hots: 0.0.0.0\n");
        var checks = run(config, Map.of());
        Check check = named(checks, "config");
        assertEquals(Check.Status.FAIL, check.status());
        assertTrue(check.detail().contains("http.hots") && check.detail().contains(":3"), check.detail());
        assertTrue(checks.stream().skip(1).allMatch(c -> c.status() == Check.Status.SKIP), printed(checks));
    }

    @Test
    void aBadDiscordApiUrlIsNamed() throws IOException {
        Path config = Files.writeString(dir.resolve("app.yaml"), Files.readString(healthyConfig())
                .replace("apiUrl: \"" + base() + "/api/v10\"", "apiUrl: \"ftp://discord.example\""));
        Check discord = named(run(config, ENV), "discord");
        assertEquals(Check.Status.FAIL, discord.status(), discord.toString());
        assertTrue(discord.detail().contains("discord.apiUrl"), discord.detail());
    }

    @Test
    void withoutTokensTheConnectorsAreSkipped() throws IOException {
        var checks = run(healthyConfig(), Map.of());
        String out = printed(checks);
        assertEquals(Check.Status.SKIP, named(checks, "telegram").status(), out);
        assertEquals(Check.Status.SKIP, named(checks, "discord").status(), out);
        assertEquals(Optional.empty(), checks.stream().filter(c -> c.status() == Check.Status.FAIL).findAny(), out);
    }
}

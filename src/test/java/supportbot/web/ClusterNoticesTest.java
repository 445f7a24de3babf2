package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.cli.BotAssembly;
import supportbot.config.ConfigLoader;
import supportbot.desk.AgentDirectory;
import supportbot.faq.FaqIndexer;
import supportbot.faq.FaqService;
import supportbot.store.postgres.TestSchema;

/**
 * Two instances on one PostgreSQL schema, each with its own web server: what one commits moves the long polls
 * of the other (the desk's changes, the web chat's replies), through LISTEN/NOTIFY.
 */
class ClusterNoticesTest {
    private static final String ALICE = "alice-cluster-token";
    /** Well under the long polls' own timeouts (25 s for the desk, the wait asked for by the chat). */
    private static final long WAKE_S = 10;

    @TempDir
    static Path dir;
    private static TestSchema schema;
    private static Instance a;
    private static Instance b;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** One instance: the bot and its web server. */
    private static final class Instance implements AutoCloseable {
        final BotAssembly bot;
        final Javalin web;

        Instance(String name, FaqService faq) throws Exception {
            Path home = Files.createDirectories(dir.resolve(name));
            Path file = home.resolve("application.yaml");
            Files.writeString(file, """
                    data:
                      dir: %s
                    faq:
                      semantic: false
                      watch: false
                    store:
                      kind: postgres
                      url: "%s"
                      poolSize: 3
                    desk:
                      agents:
                        - {name: alice, role: agent, tokenSha256: %s}
                    """.formatted(home.resolve("data"), schema.url(), AgentDirectory.sha256(ALICE)));
            var config = new ConfigLoader().load(file);
            bot = new BotAssembly(config, faq, Set.of(), null, name + "-" + UUID.randomUUID());
            web = WebServer.start("127.0.0.1", 0, faq, bot.webChat, new WebServer.DeskApiParts(bot.desk, bot.agents,
                    bot.store, bot.deskSettings.sla(), java.time.Clock.systemUTC(), bot.committer,
                    bot.deskSettings.hours().zone(), bot.data.categories()));
        }

        String url(String path) {
            return "http://127.0.0.1:" + web.port() + path;
        }

        @Override
        public void close() {
            web.stop();
            bot.close();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        schema = TestSchema.create("cluster_web");
        var faq = new FaqService(Path.of("faq-data"), null, new ConfigLoader().defaults().searchSettings().withSemantic(false),
                FaqIndexer.Progress.SILENT);
        a = new Instance("a", faq);
        b = new Instance("b", faq);
    }

    @AfterAll
    static void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        schema.close();
    }

    private HttpResponse<String> call(Instance on, String method, String path, String cookie, String body) throws Exception {
        return call(on, method, path, cookie, null, body);
    }

    private HttpResponse<String> call(Instance on, String method, String path, String cookie, String csrf, String body)
            throws Exception {
        var req = HttpRequest.newBuilder(URI.create(on.url(path))).header("Content-Type", "application/json");
        if (cookie != null) {
            req.header("Cookie", cookie);
        }
        if (csrf != null) {
            req.header("X-CSRF-Token", csrf);
        }
        req.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String chatSession(Instance on) throws Exception {
        return json.readTree(call(on, "POST", "/api/chat/sessions", null, "").body()).get("sessionId").asText();
    }

    @Test
    void aCommitOnOneInstanceWakesTheDeskLongPollOnTheOther() throws Exception {
        var signIn = call(b, "POST", "/api/desk/session", null, "{\"token\":\"" + ALICE + "\"}");
        assertEquals(200, signIn.statusCode(), signIn.body());
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        long version = json.readTree(call(b, "GET", "/api/desk/changes?since=0", cookie, null).body()).get("version").asLong();
        var waiting = http.sendAsync(HttpRequest.newBuilder(URI.create(b.url("/api/desk/changes?since=" + version)))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());

        String session = chatSession(a);
        call(a, "POST", "/api/chat/sessions/" + session + "/messages", null, "{\"text\":\"talk to a human please\"}");

        JsonNode answer = json.readTree(waiting.get(WAKE_S, TimeUnit.SECONDS).body());
        assertTrue(answer.get("version").asLong() > version, "B's desk moved on A's commit: " + answer);
    }

    @Test
    void aReplyCommittedOnOneInstanceWakesTheChatLongPollOnTheOther() throws Exception {
        String session = chatSession(a);
        // The user's browser reaches B through the load balancer, waiting for whatever comes after nothing.
        var waiting = http.sendAsync(HttpRequest.newBuilder(URI.create(b.url("/api/chat/sessions/" + session
                + "/messages?after=0&wait=25"))).build(), HttpResponse.BodyHandlers.ofString());
        var sent = call(a, "POST", "/api/chat/sessions/" + session + "/messages", null, "{\"text\":\"hello\"}");
        assertTrue(sent.statusCode() < 300, sent.body());

        var answer = waiting.get(WAKE_S, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode body = json.readTree(answer.body());
        assertTrue(body.toString().contains("hello"), "B's long poll answered with A's turn: " + body);
    }

    @Test
    void anAgentTypingOnOneInstanceShowsInTheChatLongPollOnTheOther() throws Exception {
        String session = chatSession(a);
        call(a, "POST", "/api/chat/sessions/" + session + "/messages", null, "{\"text\":\"talk to a human please\"}");
        String key = supportbot.channel.webchat.WebChat.CHANNEL + ":" + session;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAKE_S);
        Long ticket = null;
        while (ticket == null && System.nanoTime() < deadline) {
            ticket = a.bot.store.conversation(key).map(c -> c.ticketNumber()).orElse(null);
            if (ticket == null) {
                Thread.sleep(20); // polling the store for the turn's commit
            }
        }
        assertTrue(ticket != null, "a ticket was opened");
        var signIn = call(a, "POST", "/api/desk/session", null, "{\"token\":\"" + ALICE + "\"}");
        String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = json.readTree(signIn.body()).get("csrf").asText();
        var claim = call(a, "POST", "/api/desk/tickets/" + ticket + "/claim", cookie, csrf, "");
        assertEquals(200, claim.statusCode(), claim.body());

        // The user's browser polls B; the agent types on A. A poll may return with earlier lines first, and the
        // hint lasts a few seconds, so keep typing (as a person does) and polling until B shows it.
        long after = 0;
        boolean typingShown = false;
        long lastTyped = 0;
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAKE_S * 2);
        while (!typingShown && System.nanoTime() < deadline) {
            var waiting = http.sendAsync(HttpRequest.newBuilder(URI.create(b.url("/api/chat/sessions/" + session
                    + "/messages?after=" + after + "&wait=3"))).build(), HttpResponse.BodyHandlers.ofString());
            if (System.nanoTime() - lastTyped > TimeUnit.MILLISECONDS.toNanos(2_500)) {
                var typing = call(a, "POST", "/api/desk/tickets/" + ticket + "/typing", cookie, csrf, "");
                assertEquals(200, typing.statusCode(), typing.body());
                lastTyped = System.nanoTime();
            }
            JsonNode page = json.readTree(waiting.get(WAKE_S, TimeUnit.SECONDS).body());
            typingShown = page.get("agentTyping").asBoolean();
            for (JsonNode line : page.get("messages")) {
                after = Math.max(after, line.get("seq").asLong());
            }
        }
        assertTrue(typingShown, "B's chat shows the agent typing on A");
    }
}

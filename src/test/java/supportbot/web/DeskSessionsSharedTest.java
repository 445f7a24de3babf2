package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;
import supportbot.store.contract.Backends;
import supportbot.store.postgres.PostgresBackend;

/**
 * Desk sign-ins live in the store: another instance over the same database, or the same one after a restart,
 * takes the cookie; signing out on one signs out everywhere; idle sessions still expire; the id is not stored.
 */
class DeskSessionsSharedTest {
    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> call(LocalBot bot, String method, String path, String cookie, String csrf, String body)
            throws Exception {
        var req = HttpRequest.newBuilder(URI.create(bot.url(path))).header("Content-Type", "application/json");
        if (cookie != null) {
            req.header("Cookie", cookie);
        }
        if (csrf != null) {
            req.header("X-CSRF-Token", csrf);
        }
        req.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private record SignedIn(String cookie, String csrf) {
    }

    private SignedIn signIn(LocalBot bot, String token) throws Exception {
        var res = call(bot, "POST", "/api/desk/session", null, null, "{\"token\":\"" + token + "\"}");
        assertEquals(200, res.statusCode(), res.body());
        return new SignedIn(res.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0],
                json.readTree(res.body()).get("csrf").asText());
    }

    private static Store postgres(String schema) {
        return Store.over(PostgresBackend.open(Backends.settings(schema)));
    }

    @Test
    void aCookieFromOneInstanceWorksOnAnotherAndSigningOutEndsItOnBoth() throws Exception {
        Backends.assumePostgres();
        String schema = "desk_sessions_" + UUID.randomUUID().toString().replace("-", "");
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        try (var first = new LocalBot(a, postgres(schema)); var second = new LocalBot(b, postgres(schema))) {
            var alice = signIn(first, LocalBot.ALICE);
            var onSecond = call(second, "GET", "/api/desk/session", alice.cookie(), null, null);
            assertEquals(200, onSecond.statusCode(), onSecond.body());
            assertEquals("alice", json.readTree(onSecond.body()).get("agent").asText());
            assertEquals(alice.csrf(), json.readTree(onSecond.body()).get("csrf").asText(),
                    "every instance derives the same CSRF token, so a change may land on any of them");
            assertEquals(200, call(second, "GET", "/api/desk/tickets", alice.cookie(), null, null).statusCode());
            assertEquals(403, call(second, "DELETE", "/api/desk/session", alice.cookie(), "wrong", null).statusCode());
            assertEquals(204, call(second, "DELETE", "/api/desk/session", alice.cookie(), alice.csrf(), null).statusCode());
            assertEquals(401, call(first, "GET", "/api/desk/tickets", alice.cookie(), null, null).statusCode(),
                    "signed out on the second instance is signed out on the first");
        } finally {
            try (var c = java.sql.DriverManager.getConnection(Backends.URL,
                    Backends.settings(schema).user(), Backends.settings(schema).password()); var st = c.createStatement()) {
                st.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    @Test
    void aRestartKeepsTheAgentSignedInAndTheStoreHoldsNoSessionId() throws Exception {
        SignedIn alice;
        try (var bot = new LocalBot(dir)) {
            alice = signIn(bot, LocalBot.ALICE);
        }
        String id = alice.cookie().substring(alice.cookie().indexOf('=') + 1);
        try (var again = new LocalBot(dir)) {
            var res = call(again, "GET", "/api/desk/session", alice.cookie(), null, null);
            assertEquals(200, res.statusCode(), res.body());
            assertEquals("alice", json.readTree(res.body()).get("agent").asText());
            assertTrue(again.store.deskSession(DeskSessions.hash(id)).isPresent());
            assertTrue(again.store.deskSession(id).isEmpty(), "the id itself is no key in the store");
        }
        byte[] file = Files.readAllBytes(dir.resolve("data").resolve(supportbot.store.mapdb.MapDbBackend.FILE_NAME));
        assertFalse(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1).contains(id),
                "the session id appears nowhere in the data file");
    }

    private static final class StepClock extends Clock {
        volatile Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void useKeepsASessionAliveAndTwelveIdleHoursEndIt() {
        var clock = new StepClock();
        try (var store = Store.open(dir.resolve("idle")); var committer = new GroupCommitter(store)) {
            var sessions = new DeskSessions(store, committer, clock);
            String id = sessions.open("alice");
            clock.now = clock.now.plus(Duration.ofHours(11));
            assertEquals("alice", sessions.find(id).orElseThrow().agent(), "11 idle hours: still signed in");
            clock.now = clock.now.plus(Duration.ofHours(11));
            assertTrue(sessions.find(id).isPresent(), "the use 11 hours ago restarted the idle time");
            clock.now = clock.now.plus(Duration.ofHours(12)).plusSeconds(1);
            assertTrue(sessions.find(id).isEmpty(), "12 idle hours end the session");
            assertTrue(store.deskSession(DeskSessions.hash(id)).isEmpty(), "and it is gone from the store");
            String other = sessions.open("bob");
            sessions.close(other);
            assertTrue(sessions.find(other).isEmpty());
            assertTrue(sessions.find("made-up").isEmpty());
        }
    }

    @Test
    void signingInSweepsOutSessionsNobodyCameBackTo() {
        var clock = new StepClock();
        try (var store = Store.open(dir.resolve("sweep")); var committer = new GroupCommitter(store)) {
            var sessions = new DeskSessions(store, committer, clock);
            String forgotten = sessions.open("alice");
            clock.now = clock.now.plus(Duration.ofHours(13));
            sessions.open("bob");
            assertTrue(store.deskSession(DeskSessions.hash(forgotten)).isEmpty());
        }
    }
}

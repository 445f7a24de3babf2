package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser desk's sessions: sign-in, cookie, CSRF, sign-out, the supervisor-only views and live changes. */
class DeskWebSessionTest {
    @TempDir
    Path dir;
    private LocalBot bot;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        bot = new LocalBot(dir);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private HttpResponse<String> call(String method, String path, String cookie, String csrf, String body) throws Exception {
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

    private record Session(String cookie, String csrf, JsonNode body) {
    }

    private Session signIn(String token) throws Exception {
        var res = call("POST", "/api/desk/session", null, null, "{\"token\":\"" + token + "\"}");
        assertEquals(200, res.statusCode(), res.body());
        String setCookie = res.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        JsonNode body = json.readTree(res.body());
        return new Session(setCookie.split(";")[0], body.get("csrf").asText(), body);
    }

    private String openTicket() throws Exception {
        String session = json.readTree(call("POST", "/api/chat/sessions", null, null, "").body()).get("sessionId").asText();
        call("POST", "/api/chat/sessions/" + session + "/messages", null, null, "{\"text\":\"talk to a human please\"}");
        return session;
    }

    @Test
    void aWrongTokenIsRefusedAndARightOneOpensASessionUntilSignOut() throws Exception {
        assertEquals(401, call("POST", "/api/desk/session", null, null, "{\"token\":\"nope\"}").statusCode());
        assertEquals(401, call("GET", "/api/desk/session", "sb_desk=made-up", null, null).statusCode());
        var alice = signIn(LocalBot.ALICE);
        assertEquals("alice", alice.body().get("agent").asText());
        assertEquals("agent", alice.body().get("role").asText());
        assertEquals(200, call("GET", "/api/desk/tickets", alice.cookie(), null, null).statusCode());
        assertEquals(403, call("DELETE", "/api/desk/session", alice.cookie(), null, null).statusCode(),
                "signing out is a change too: it needs the CSRF token");
        assertEquals(204, call("DELETE", "/api/desk/session", alice.cookie(), alice.csrf(), null).statusCode());
        assertEquals(401, call("GET", "/api/desk/tickets", alice.cookie(), null, null).statusCode());
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        openTicket();
        var alice = signIn(LocalBot.ALICE);
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode tickets;
        do {
            tickets = json.readTree(call("GET", "/api/desk/tickets", alice.cookie(), null, null).body()).get("tickets");
        } while (tickets.isEmpty() && System.nanoTime() < deadline);
        String id = tickets.get(0).get("id").asText();
        assertTrue(tickets.get(0).get("sla").has("firstResponseDue"), "the queue carries SLA due times for countdowns");
        var forged = call("POST", "/api/desk/tickets/" + id + "/claim", alice.cookie(), null, "");
        assertEquals(403, forged.statusCode());
        assertTrue(forged.body().contains("CSRF"), forged.body());
        assertEquals(403, call("POST", "/api/desk/tickets/" + id + "/claim", alice.cookie(), "wrong", "").statusCode());
        var ticket = json.readTree(call("GET", "/api/desk/tickets/" + id, alice.cookie(), null, null).body());
        assertEquals("queued", ticket.get("status").asText(), "nothing changed");
        var claimed = call("POST", "/api/desk/tickets/" + id + "/claim", alice.cookie(), alice.csrf(), "");
        assertEquals(200, claimed.statusCode(), claimed.body());
        assertEquals("assigned", json.readTree(claimed.body()).get("status").asText());
    }

    @Test
    void theDashboardAndExportAreForSupervisorsOnly() throws Exception {
        openTicket();
        var alice = signIn(LocalBot.ALICE);
        assertEquals(403, call("GET", "/api/desk/dashboard", alice.cookie(), null, null).statusCode());
        assertEquals(403, call("GET", "/api/desk/export.csv", alice.cookie(), null, null).statusCode());
        var sue = signIn(LocalBot.SUE);
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode dash;
        do {
            dash = json.readTree(call("GET", "/api/desk/dashboard?days=7", sue.cookie(), null, null).body());
        } while (dash.get("summary").get("tickets").asInt() == 0 && System.nanoTime() < deadline);
        assertEquals(1, dash.get("summary").get("tickets").asInt());
        assertEquals(7, dash.get("days").size());
        assertEquals(1, dash.get("days").get(6).get("opened").asInt(), "today's ticket is on the last day");
        assertEquals(3, dash.get("agents").size());
        var csv = call("GET", "/api/desk/export.csv", sue.cookie(), null, null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("ticket,status,"), csv.body());
        assertEquals(2, csv.body().strip().split("\r\n").length, csv.body());
    }

    @Test
    void changesAnswerWhenSomethingIsCommitted() throws Exception {
        var alice = signIn(LocalBot.ALICE);
        long version = json.readTree(call("GET", "/api/desk/changes?since=0", alice.cookie(), null, null).body())
                .get("version").asLong();
        var waiting = http.sendAsync(HttpRequest.newBuilder(URI.create(bot.url("/api/desk/changes?since=" + version)))
                .header("Cookie", alice.cookie()).build(), HttpResponse.BodyHandlers.ofString());
        openTicket();
        // A poll that did not wait for a commit would answer with the version it was given, whenever it was sent.
        long next = json.readTree(waiting.get(10, java.util.concurrent.TimeUnit.SECONDS).body()).get("version").asLong();
        assertTrue(next > version, "the poll answered only once something was committed: " + next + " after " + version);
    }
}

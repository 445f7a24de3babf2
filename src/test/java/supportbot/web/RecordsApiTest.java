package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.Await;

/**
 * Structured records in the desk API (a complaint's agent, ticket and time; a rating's stars, weakest aspect and
 * comment) and the web chat's zone, end to end over HTTP.
 */
class RecordsApiTest {
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

    private JsonNode ok(HttpResponse<String> res) throws Exception {
        assertTrue(res.statusCode() / 100 == 2, res.statusCode() + " " + res.body());
        return json.readTree(res.body());
    }

    private String session(String body) throws Exception {
        return ok(bot.call("POST", "/api/chat/sessions", null, body)).get("sessionId").asText();
    }

    private void say(String session, String text) throws Exception {
        ok(bot.call("POST", "/api/chat/sessions/" + session + "/messages", null, json.writeValueAsString(java.util.Map.of("text", text))));
    }

    private void press(String session, String payload) throws Exception {
        ok(bot.call("POST", "/api/chat/sessions/" + session + "/messages", null,
                json.writeValueAsString(java.util.Map.of("button", payload))));
    }

    /** The payloads on the bot's latest message (replies are committed before the POST is answered). */
    private java.util.List<String> buttons(String session) throws Exception {
        JsonNode lines = ok(bot.call("GET", "/api/chat/sessions/" + session + "/messages?after=0", null, null)).get("messages");
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).get("from").asText().equals("bot") && !lines.get(i).get("buttons").isEmpty()) {
                var out = new java.util.ArrayList<String>();
                lines.get(i).get("buttons").forEach(b -> out.add(b.get("payload").asText()));
                return out;
            }
        }
        return java.util.List.of();
    }

    private JsonNode onlyTicket() throws Exception {
        Await.until(() -> !ok(bot.call("GET", "/api/desk/tickets", LocalBot.SUE, null)).get("tickets").isEmpty(),
                Duration.ofSeconds(10), "a ticket on the desk");
        long id = ok(bot.call("GET", "/api/desk/tickets", LocalBot.SUE, null)).get("tickets").get(0).get("id").asLong();
        return ok(bot.call("GET", "/api/desk/tickets/" + id, LocalBot.SUE, null));
    }

    private JsonNode ticket(long id) throws Exception {
        return ok(bot.call("GET", "/api/desk/tickets/" + id, LocalBot.SUE, null));
    }

    @Test
    void aComplaintShowsItsAgentTicketAndTimeAsFields() throws Exception {
        String s = session("");
        say(s, "I want to file a complaint: agent alice was rude to me on ticket #1000 yesterday at 15:00");
        for (int turn = 0; turn < 8 && ok(bot.call("GET", "/api/desk/tickets", LocalBot.SUE, null)).get("tickets").isEmpty(); turn++) {
            var offered = buttons(s);
            if (offered.contains("confirm")) {
                press(s, "confirm");
            } else if (offered.contains("skip")) {
                press(s, "skip");
            } else {
                say(s, "yesterday at 15:00");
            }
        }
        JsonNode t = onlyTicket();
        assertEquals("complaint", t.get("category").asText());
        JsonNode complaint = t.get("complaint");
        assertEquals("alice", complaint.get("agent").asText(), t.toString());
        assertEquals(1000, complaint.get("ticket").asLong());
        assertEquals(t.get("details").get("time").get("value").asText(), complaint.get("time").asText());
        assertTrue(complaint.get("time").asText().startsWith("2026-11-24T15:00"), complaint.toString());
    }

    @Test
    void aRatingShowsStarsWeakestAspectAndCommentAsFields() throws Exception {
        String s = session("");
        say(s, "talk to a human");
        long id = onlyTicket().get("id").asLong();
        assertTrue(ticket(id).get("complaint").isNull(), "not a complaint");
        ok(bot.call("POST", "/api/desk/tickets/" + id + "/claim", LocalBot.ALICE, ""));
        ok(bot.call("POST", "/api/desk/tickets/" + id + "/resolve", LocalBot.ALICE, ""));
        Await.until(() -> buttons(s).contains("rate:3"), Duration.ofSeconds(10), "asked to rate");
        press(s, "rate:3");
        press(s, "weak:speed");
        say(s, "it took two days");
        Await.until(() -> !ticket(id).get("ratingDetail").isNull(), Duration.ofSeconds(10), "the rating on the ticket");
        JsonNode rating = ticket(id).get("ratingDetail");
        assertEquals(3, rating.get("stars").asInt());
        assertEquals("speed", rating.get("weakest").asText());
        assertEquals("it took two days", rating.get("comment").asText());
        assertEquals(3, ticket(id).get("rating").asInt(), "the summary keeps its stars");
    }

    @Test
    void fiveStarsAreNotAskedForAWeakestAspect() throws Exception {
        String s = session("");
        say(s, "talk to a human");
        long id = onlyTicket().get("id").asLong();
        ok(bot.call("POST", "/api/desk/tickets/" + id + "/claim", LocalBot.ALICE, ""));
        ok(bot.call("POST", "/api/desk/tickets/" + id + "/resolve", LocalBot.ALICE, ""));
        Await.until(() -> buttons(s).contains("rate:5"), Duration.ofSeconds(10), "asked to rate");
        press(s, "rate:5");
        assertFalse(buttons(s).stream().anyMatch(b -> b.startsWith("weak:")), buttons(s).toString());
        press(s, "skip");
        Await.until(() -> !ticket(id).get("ratingDetail").isNull(), Duration.ofSeconds(10), "the rating on the ticket");
        JsonNode rating = ticket(id).get("ratingDetail");
        assertEquals(5, rating.get("stars").asInt());
        assertTrue(rating.get("weakest").isNull() && rating.get("comment").isNull(), rating.toString());
    }

    @Test
    void aSessionOpenedWithTheBrowsersZoneUsesItUntilTheUserSetsAnother() throws Exception {
        String s = session("{\"zone\":\"Europe/Berlin\"}");
        String key = "web:" + s;
        assertEquals("Europe/Berlin", bot.store.conversation(key).orElseThrow().zone());
        say(s, "my USDT transfer failed yesterday at 15:00");
        assertEquals("Europe/Berlin", bot.store.conversation(key).orElseThrow().zone());
        String time = bot.store.conversation(key).orElseThrow().details().get(supportbot.dialogue.details.DetailType.TIME).value();
        assertTrue(time.endsWith("15:00+01:00"), "read in Berlin: " + time);
        say(s, "/tz UTC+8");
        assertEquals("UTC+08:00", bot.store.conversation(key).orElseThrow().zone());
    }

    @Test
    void aSessionOpenedWithAZoneButNeverUsedStillExpiresAsEmpty() throws Exception {
        String s = session("{\"zone\":\"Europe/Berlin\"}");
        var later = java.time.Clock.fixed(supportbot.dialogue.EngineHarness.NOW.plus(Duration.ofHours(1)), java.time.ZoneOffset.UTC);
        var expiry = new supportbot.channel.webchat.SessionExpiry(bot.store, bot.committer,
                new supportbot.channel.webchat.SessionExpiry.Settings(Duration.ofMinutes(30), Duration.ofDays(1)), later);
        assertEquals(1, expiry.sweep(), "its conversation has no turn yet: the session is unused");
        assertFalse(bot.store.webSessionExists(s));
    }

    @Test
    void withoutAZoneTheConfiguredOneAppliesAndABadZoneIsRefused() throws Exception {
        String s = session("");
        say(s, "hello");
        assertEquals(supportbot.dialogue.EngineHarness.DATA.details().defaultZone().getId(),
                bot.store.conversation("web:" + s).orElseThrow().zone());

        var bad = bot.call("POST", "/api/chat/sessions", null, "{\"zone\":\"Mars/Olympus\"}");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("zone"), bad.body());
        var notText = bot.call("POST", "/api/chat/sessions", null, "{\"zone\":8}");
        assertEquals(400, notText.statusCode());
    }
}

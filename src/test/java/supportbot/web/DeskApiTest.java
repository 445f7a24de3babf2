package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk API end to end with the web chat, and who may call what. */
class DeskApiTest {
    private static final List<String> ACTIONS = List.of("claim", "resolve", "reopen", "reply", "note", "transfer", "escalate", "ask");

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
        assertEquals(200, res.statusCode(), res.body());
        return json.readTree(res.body());
    }

    private static String bodyFor(String action) {
        return switch (action) {
            case "reply", "note" -> "{\"text\":\"hello\"}";
            case "transfer" -> "{\"agent\":\"bob\"}";
            case "escalate" -> "{\"reason\":\"needs a supervisor\"}";
            case "ask" -> "{\"detail\":\"tx_hash\"}";
            default -> "";
        };
    }

    /** A user asks for a human in the web chat; returns the session id once the ticket exists. */
    private String userAsksForAHuman() throws Exception {
        String session = json.readTree(bot.call("POST", "/api/chat/sessions", null, "").body()).get("sessionId").asText();
        bot.call("POST", "/api/chat/sessions/" + session + "/messages", null, "{\"text\":\"the app crashes every time I open it\"}");
        bot.call("POST", "/api/chat/sessions/" + session + "/messages", null, "{\"text\":\"talk to a human\"}");
        supportbot.Await.until(() -> !ok(bot.call("GET", "/api/desk/tickets", LocalBot.SUE, null)).get("tickets").isEmpty(),
                java.time.Duration.ofSeconds(10), "the ticket on the desk");
        return session;
    }

    /** A user reports a crash in the web chat, answers every question and confirms the summary. */
    private String userReportsAProblem() throws Exception {
        String session = json.readTree(bot.call("POST", "/api/chat/sessions", null, "").body()).get("sessionId").asText();
        for (String body : List.of("{\"text\":\"the app crashes every time I open it\"}", "{\"text\":\"iPhone 15 iOS 17.2\"}",
                "{\"text\":\"yesterday 3pm\"}", "{\"button\":\"skip\"}", "{\"button\":\"skip\"}", "{\"button\":\"confirm\"}")) {
            bot.call("POST", "/api/chat/sessions/" + session + "/messages", null, body);
        }
        supportbot.Await.until(() -> !ok(bot.call("GET", "/api/desk/tickets", LocalBot.SUE, null)).get("tickets").isEmpty(),
                java.time.Duration.ofSeconds(10), "the ticket on the desk");
        return session;
    }

    private long firstTicket() throws Exception {
        return ok(bot.call("GET", "/api/desk/tickets", LocalBot.SUE, null)).get("tickets").get(0).get("id").asLong();
    }

    private JsonNode messagesAfter(String session, long after, int atLeast) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode messages;
        do {
            messages = ok(bot.call("GET", "/api/chat/sessions/" + session + "/messages?after=" + after + "&wait=2", null, null)).get("messages");
        } while (messages.size() < atLeast && System.nanoTime() < deadline);
        return messages;
    }

    @Test
    void anAgentClaimsRepliesAndResolvesWhileTheUserSeesItInTheWebChat() throws Exception {
        String session = userAsksForAHuman();
        long id = firstTicket();
        JsonNode ticket = ok(bot.call("GET", "/api/desk/tickets/" + id, LocalBot.ALICE, null));
        assertEquals("queued", ticket.get("status").asText());
        assertEquals("2026-11-25T10:00:00Z", ticket.get("sla").get("firstResponseDue").asText(),
                "app-crash is priority 3: four open hours from 14:00 Shanghai");
        assertEquals("the app crashes every time I open it", ticket.get("details").get("description").get("value").asText());
        assertTrue(ticket.get("transcript").size() >= 4, "the agent sees the conversation so far");

        assertEquals("assigned", ok(bot.call("POST", "/api/desk/tickets/" + id + "/claim", LocalBot.ALICE, "")).get("status").asText());
        long seen = ticket.get("transcript").size();
        assertEquals("waiting-user", ok(bot.call("POST", "/api/desk/tickets/" + id + "/reply", LocalBot.ALICE,
                "{\"text\":\"Hi, which app version do you have?\"}")).get("status").asText());
        JsonNode reply = messagesAfter(session, seen, 1).get(0);
        assertEquals("agent", reply.get("from").asText());
        assertEquals("Hi, which app version do you have?", reply.get("text").asText());

        bot.call("POST", "/api/chat/sessions/" + session + "/messages", null, "{\"text\":\"version 5.2.1\"}");
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode after;
        do {
            after = ok(bot.call("GET", "/api/desk/tickets/" + id, LocalBot.ALICE, null));
        } while (!after.get("status").asText().equals("assigned") && System.nanoTime() < deadline);
        assertEquals("assigned", after.get("status").asText(), "the user's answer puts the ticket back with the agent");
        JsonNode events = after.get("events");
        assertEquals("version 5.2.1", events.get(events.size() - 1).get("text").asText());

        ok(bot.call("POST", "/api/desk/tickets/" + id + "/note", LocalBot.ALICE, "{\"text\":\"internal: known crash in 5.2.1\"}"));
        ok(bot.call("POST", "/api/desk/tickets/" + id + "/resolve", LocalBot.ALICE, ""));
        JsonNode all = messagesAfter(session, 0, 1);
        String transcript = all.toString();
        assertFalse(transcript.contains("internal: known crash"), "notes never reach the user");
        assertTrue(transcript.contains("resolved"), "the user hears the ticket is resolved: " + transcript);
        assertTrue(transcript.contains("rate:5"), "and is asked to rate");

        bot.call("POST", "/api/chat/sessions/" + session + "/messages", null, "{\"button\":\"rate:1\"}");
        bot.call("POST", "/api/chat/sessions/" + session + "/messages", null, "{\"button\":\"weak:solved\"}");
        bot.call("POST", "/api/chat/sessions/" + session + "/messages", null, "{\"text\":\"still crashes\"}");
        deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode rated;
        do {
            rated = ok(bot.call("GET", "/api/desk/tickets/" + id, LocalBot.ALICE, null));
        } while (rated.get("rating").isNull() && System.nanoTime() < deadline);
        assertEquals(1, rated.get("rating").asInt());
        assertTrue(rated.get("alert").asBoolean(), "a bad rating alerts supervisors");

        var metrics = bot.call("GET", "/metrics", null, null);
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("supportbot_tickets 1.0"), metrics.body());
        assertTrue(metrics.body().contains("supportbot_csat_average_stars 1.0"), metrics.body());

        bot.close(); // the stats command opens the store itself
        var config = java.nio.file.Files.writeString(dir.resolve("app.yaml"), "data:\n  dir: " + dir.resolve("data") + "\n");
        var out = new java.io.ByteArrayOutputStream();
        var original = System.out;
        try {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(0, supportbot.cli.Main.commandLine().execute("stats", "--json", "--config", config.toString()));
        } finally {
            System.setOut(original);
        }
        JsonNode stats = json.readTree(out.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(1, stats.get("tickets").asInt());
        assertEquals(1.0, stats.get("csat_average").asDouble());
        assertTrue(stats.get("first_response_median_min").isNumber(), stats.toString());
    }

    @Test
    void theDeskNamesTheCategoryListsDetailsInItsOrderAndStopsTheSlaAtResolution() throws Exception {
        userReportsAProblem();
        long id = firstTicket();
        JsonNode ticket = ok(bot.call("GET", "/api/desk/tickets/" + id, LocalBot.ALICE, null));
        var category = supportbot.dialogue.EngineHarness.DATA.categories().get(ticket.get("category").asText()).orElseThrow();
        assertEquals(category.name(supportbot.faq.Lang.EN), ticket.get("categoryName").get("en").asText());
        assertEquals(category.name(supportbot.faq.Lang.ZH), ticket.get("categoryName").get("zh").asText());
        List<String> shown = new java.util.ArrayList<>();
        ticket.get("details").fieldNames().forEachRemaining(shown::add);
        List<String> expected = category.allDetails().stream().map(supportbot.dialogue.details.DetailType::key)
                .filter(shown::contains).toList();
        assertTrue(shown.size() >= 2, "several details to order: " + shown);
        assertEquals(expected, shown, "required then optional, as config/categories.yaml lists them");
        assertTrue(ticket.get("sla").get("outcome").isNull(), "the clock runs while open");

        ok(bot.call("POST", "/api/desk/tickets/" + id + "/claim", LocalBot.ALICE, ""));
        ok(bot.call("POST", "/api/desk/tickets/" + id + "/resolve", LocalBot.ALICE, ""));
        JsonNode sla = ok(bot.call("GET", "/api/desk/tickets/" + id, LocalBot.ALICE, null)).get("sla");
        assertEquals("met", sla.get("outcome").asText());
        long spare = java.time.Duration.between(java.time.Instant.parse(sla.get("resolvedAt").asText()),
                java.time.Instant.parse(sla.get("resolutionDue").asText())).getSeconds();
        assertEquals(spare, sla.get("marginSeconds").asLong());
        JsonNode listed = ok(bot.call("GET", "/api/desk/tickets?status=resolved", LocalBot.ALICE, null)).get("tickets").get(0);
        assertEquals("met", listed.get("sla").get("outcome").asText(), "the queue agrees with the ticket view");
    }

    @Test
    void anAgentAsksForADetailAndTheBotCollectsAndValidatesIt() throws Exception {
        String session = userAsksForAHuman();
        long id = firstTicket();
        ok(bot.call("POST", "/api/desk/tickets/" + id + "/claim", LocalBot.ALICE, ""));
        long seen = ok(bot.call("GET", "/api/desk/tickets/" + id, LocalBot.ALICE, null)).get("transcript").size();
        ok(bot.call("POST", "/api/desk/tickets/" + id + "/ask", LocalBot.ALICE, "{\"detail\":\"tx_hash\"}"));
        assertTrue(messagesAfter(session, seen, 1).get(0).get("text").asText().contains("one more detail"));
        bot.call("POST", "/api/chat/sessions/" + session + "/messages", null, "{\"text\":\"0x1234\"}");
        String hash = "0x" + "ab".repeat(32);
        bot.call("POST", "/api/chat/sessions/" + session + "/messages", null, "{\"text\":\"" + hash + "\"}");
        long deadline = System.nanoTime() + 10_000_000_000L;
        JsonNode ticket;
        do {
            ticket = ok(bot.call("GET", "/api/desk/tickets/" + id, LocalBot.ALICE, null));
        } while (!ticket.get("details").has("tx_hash") && System.nanoTime() < deadline);
        assertEquals(hash, ticket.get("details").get("tx_hash").get("value").asText());
        assertEquals("assigned", ticket.get("status").asText());
        String chat = messagesAfter(session, seen, 5).toString();
        assertTrue(chat.contains("64"), "the short hash got a specific hint: " + chat);
    }

    @Test
    void everyDeskEndpointNeedsAValidToken() throws Exception {
        userAsksForAHuman();
        long id = firstTicket();
        for (String token : new String[] {null, "not-a-real-token"}) {
            assertEquals(401, bot.call("GET", "/api/desk/tickets", token, null).statusCode());
            assertEquals(401, bot.call("GET", "/api/desk/tickets/" + id, token, null).statusCode());
            for (String action : ACTIONS) {
                var res = bot.call("POST", "/api/desk/tickets/" + id + "/" + action, token, bodyFor(action));
                assertEquals(401, res.statusCode(), action);
                assertTrue(res.body().contains("\"error\""), res.body());
            }
        }
    }

    @Test
    void anUnknownTicketIsA404OnEveryEndpoint() throws Exception {
        assertEquals(404, bot.call("GET", "/api/desk/tickets/999999", LocalBot.ALICE, null).statusCode());
        for (String action : ACTIONS) {
            assertEquals(404, bot.call("POST", "/api/desk/tickets/999999/" + action, LocalBot.ALICE, bodyFor(action)).statusCode(), action);
        }
    }

    @Test
    void anAgentCannotWorkAnotherAgentsTicketButASupervisorCan() throws Exception {
        userAsksForAHuman();
        long id = firstTicket();
        assertEquals(403, bot.call("POST", "/api/desk/tickets/" + id + "/reply", LocalBot.ALICE, bodyFor("reply")).statusCode(),
                "claim first");
        ok(bot.call("POST", "/api/desk/tickets/" + id + "/claim", LocalBot.ALICE, ""));
        for (String action : List.of("claim", "reply", "note", "transfer", "escalate", "resolve")) {
            var res = bot.call("POST", "/api/desk/tickets/" + id + "/" + action, LocalBot.BOB, bodyFor(action));
            // Claiming a held ticket is a conflict over it (409, naming the holder); the rest are not Bob's to do.
            assertEquals(action.equals("claim") ? 409 : 403, res.statusCode(), action + ": " + res.body());
            assertTrue(res.body().contains("alice"), res.body());
        }
        assertEquals(200, bot.call("POST", "/api/desk/tickets/" + id + "/note", LocalBot.SUE, bodyFor("note")).statusCode());
        assertEquals(200, bot.call("POST", "/api/desk/tickets/" + id + "/transfer", LocalBot.ALICE, bodyFor("transfer")).statusCode());
        assertEquals("bob", ok(bot.call("GET", "/api/desk/tickets/" + id, LocalBot.BOB, null)).get("assignee").asText());
    }

    @Test
    void anEscalatedTicketIsForSupervisorsOnly() throws Exception {
        String session = userAsksForAHuman();
        long id = firstTicket();
        ok(bot.call("POST", "/api/desk/tickets/" + id + "/claim", LocalBot.ALICE, ""));
        JsonNode escalated = ok(bot.call("POST", "/api/desk/tickets/" + id + "/escalate", LocalBot.ALICE, bodyFor("escalate")));
        assertEquals("supervisor", escalated.get("tier").asText());
        assertEquals(403, bot.call("GET", "/api/desk/tickets/" + id, LocalBot.ALICE, null).statusCode());
        assertEquals(0, ok(bot.call("GET", "/api/desk/tickets", LocalBot.BOB, null)).get("tickets").size(), "agents do not list it");
        assertEquals(200, bot.call("POST", "/api/desk/tickets/" + id + "/claim", LocalBot.SUE, "").statusCode());
        assertTrue(messagesAfter(session, 0, 1).toString().contains("supervisor"), "the user is told");
        assertEquals(400, bot.call("POST", "/api/desk/tickets/" + id + "/transfer", LocalBot.SUE, bodyFor("transfer")).statusCode(),
                "an escalated ticket goes to supervisors only");
    }

    @Test
    void badBodiesAndAskGetClearErrors() throws Exception {
        userAsksForAHuman();
        long id = firstTicket();
        ok(bot.call("POST", "/api/desk/tickets/" + id + "/claim", LocalBot.ALICE, ""));
        assertEquals(400, bot.call("POST", "/api/desk/tickets/" + id + "/reply", LocalBot.ALICE, "{\"txt\":\"x\"}").statusCode());
        assertEquals(400, bot.call("POST", "/api/desk/tickets/" + id + "/reply", LocalBot.ALICE, "not json").statusCode());
        assertEquals(400, bot.call("GET", "/api/desk/tickets?status=lost", LocalBot.ALICE, null).statusCode());
        assertEquals(400, bot.call("POST", "/api/desk/tickets/" + id + "/ask", LocalBot.ALICE, "{\"detail\":\"shoe size\"}").statusCode());
        assertEquals(409, bot.call("POST", "/api/desk/tickets/" + id + "/reopen", LocalBot.ALICE, "").statusCode());
    }
}

package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk's typing hint as the widget's poll sees it: only the holder's keystrokes count, a burst of them sends
 * one hint, and "a person holds this ticket" is known from the claim on, before the agent's first message.
 */
class AgentTypingApiTest {
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

    private JsonNode page(String session) throws Exception {
        var res = bot.call("GET", "/api/chat/sessions/" + session + "/messages?after=0&wait=0", null, null);
        assertEquals(200, res.statusCode(), res.body());
        return json.readTree(res.body());
    }

    private boolean typed(String token, long ticket) throws Exception {
        var res = bot.call("POST", "/api/desk/tickets/" + ticket + "/typing", token, "{}");
        assertEquals(200, res.statusCode(), res.body());
        return json.readTree(res.body()).get("shown").asBoolean();
    }

    @Test
    void onlyTheHoldersTypingReachesTheUserAndABurstSendsOneHint() throws Exception {
        String session = json.readTree(bot.call("POST", "/api/chat/sessions", null, "").body()).get("sessionId").asText();
        assertEquals(202, bot.call("POST", "/api/chat/sessions/" + session + "/messages", null,
                "{\"text\":\"talk to a human\"}").statusCode());
        long id = json.readTree(bot.call("GET", "/api/desk/tickets", LocalBot.ALICE, null).body()).get("tickets").get(0)
                .get("id").asLong();
        assertFalse(page(session).get("agentHolds").asBoolean(), "queued: nobody holds it yet");
        assertFalse(typed(LocalBot.ALICE, id), "nobody holds it: no hint");

        assertEquals(200, bot.call("POST", "/api/desk/tickets/" + id + "/claim", LocalBot.ALICE, "").statusCode());
        JsonNode claimed = page(session);
        assertTrue(claimed.get("agentHolds").asBoolean(), "claimed: the widget stops the bot's dots");
        assertFalse(claimed.get("agentTyping").asBoolean());

        assertFalse(typed(LocalBot.BOB, id), "a colleague reading along is not shown as typing");
        assertFalse(page(session).get("agentTyping").asBoolean());

        assertTrue(typed(LocalBot.ALICE, id));
        assertTrue(page(session).get("agentTyping").asBoolean());
        assertFalse(typed(LocalBot.ALICE, id), "the next keystroke within two seconds sends nothing new");

        assertEquals(200, bot.call("POST", "/api/desk/tickets/" + id + "/reply", LocalBot.ALICE,
                "{\"text\":\"Which version?\"}").statusCode());
        assertFalse(page(session).get("agentTyping").asBoolean(), "the agent's message ends the hint");
    }

    @Test
    void aTypingHintForAnUnknownTicketIsA404() throws Exception {
        assertEquals(404, bot.call("POST", "/api/desk/tickets/999999/typing", LocalBot.ALICE, "{}").statusCode());
        assertEquals(404, bot.call("POST", "/api/desk/tickets/abc/typing", LocalBot.ALICE, "{}").statusCode());
    }
}

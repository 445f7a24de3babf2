package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.Await;
import supportbot.desk.Agent;
import supportbot.desk.KnowledgeGaps;
import supportbot.desk.Role;
import supportbot.desk.StaffCommands;

/** Saved replies and assist answers reach the user the way any reply does, and assist counts as FAQ usage. */
class DeskToolsReplyTest {
    @TempDir
    Path dir;

    private LocalBot bot;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Agent alice = new Agent("alice", Role.AGENT, "x");

    @BeforeEach
    void start() throws Exception {
        bot = new LocalBot(dir);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private String session;

    private long userAsksForAHuman() throws Exception {
        session = json.readTree(bot.call("POST", "/api/chat/sessions", null, "").body()).get("sessionId").asText();
        bot.call("POST", "/api/chat/sessions/" + session + "/messages", null, "{\"text\":\"talk to a human\"}");
        Await.until(() -> !bot.store.tickets().isEmpty(), Duration.ofSeconds(10), "the ticket on the desk");
        long number = bot.store.tickets().get(0).number();
        bot.desk.act(alice, number, new supportbot.desk.DeskAction.Claim());
        return number;
    }

    private boolean userSees(String text) throws Exception {
        JsonNode messages = json.readTree(bot.call("GET", "/api/chat/sessions/" + session + "/messages?after=0", null, null).body())
                .get("messages");
        for (JsonNode m : messages) {
            if (m.path("text").asText().contains(text)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theStaffSavedReplyCommandSendsTheFilledInTextToTheUser() throws Exception {
        long number = userAsksForAHuman();
        var refused = bot.desk.attempt(alice, number, StaffCommands.parse("/r no-such-reply", '/', "test").orElseThrow());
        assertTrue(refused.orElseThrow().contains("no saved reply named 'no-such-reply'"), refused.toString());

        assertTrue(bot.desk.attempt(alice, number, StaffCommands.parse("/r escalated-to-team", '/', "test").orElseThrow()).isEmpty());
        Await.until(() -> userSees("passed ticket #" + number + " to our specialist team"), Duration.ofSeconds(10),
                "the saved reply in the user's chat");
    }

    @Test
    void anAssistAnswerSentAsAReplyCountsAsFaqUsage() throws Exception {
        long number = userAsksForAHuman();
        var res = bot.call("POST", "/api/desk/tickets/" + number + "/reply", LocalBot.ALICE,
                "{\"text\":\"Settings, Security, Reset PIN. (edited)\",\"faqId\":\"pin\"}");
        assertEquals(200, res.statusCode(), res.body());
        assertEquals(List.of(Map.entry("pin", 1L)), KnowledgeGaps.assistUsage(bot.store.tickets()));
        Await.until(() -> userSees("Reset PIN. (edited)"), Duration.ofSeconds(10), "the edited answer in the user's chat");

        assertEquals(400, bot.call("POST", "/api/desk/tickets/" + number + "/reply", LocalBot.ALICE,
                "{\"text\":\"hi\",\"faqId\":7}").statusCode());
        assertEquals(List.of(Map.entry("pin", 1L)), KnowledgeGaps.assistUsage(bot.store.tickets()));
    }
}

package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import supportbot.channel.DeadLetters;

/** The supervisors' view of dead letters: list them and ask for a replay. */
class DeadLetterApiTest extends LocalBotTest {
    private HttpResponse<String> call(String method, String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(bot.url(path))).header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void supervisorsListAndReplayAgentsDoNot() throws Exception {
        var letters = new DeadLetters(bot.store, bot.committer, Clock.systemUTC());
        letters.record("telegram", "telegram-77", "{\"update_id\":77,\"message\":{\"text\":\"hello\"}}",
                "500 Internal Server Error", 5);

        assertEquals(403, call("GET", "/api/desk/deadletters", LocalBot.ALICE).statusCode());
        assertEquals(403, call("POST", "/api/desk/deadletters/telegram-77/replay", LocalBot.ALICE).statusCode());

        var list = call("GET", "/api/desk/deadletters", LocalBot.SUE);
        assertEquals(200, list.statusCode(), list.body());
        JsonNode first = json.readTree(list.body()).get("deadLetters").get(0);
        assertEquals("telegram-77", first.get("id").asText());
        assertEquals("waiting", first.get("status").asText());
        assertEquals(5, first.get("attempts").asInt());

        var replay = call("POST", "/api/desk/deadletters/telegram-77/replay", LocalBot.SUE);
        assertEquals(202, replay.statusCode(), replay.body());
        assertEquals("replay-requested", json.readTree(replay.body()).get("status").asText());
        assertEquals(1, bot.store.counter(DeadLetters.REQUESTED_COUNTER), "the request is in the store for the connector");

        var unknown = call("POST", "/api/desk/deadletters/nope/replay", LocalBot.SUE);
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("no dead letter"), unknown.body());

        letters.replayed(letters.get("telegram-77").orElseThrow());
        var twice = call("POST", "/api/desk/deadletters/telegram-77/replay", LocalBot.SUE);
        assertEquals(409, twice.statusCode(), twice.body());
        assertFalse(twice.body().isBlank());
    }
}

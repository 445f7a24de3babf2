package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /verify through the web chat: the code a user sees is theirs alone, so a copied code verifies nobody. */
class VerifyCodesTest extends LocalBotTest {
    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(bot.url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String session() throws Exception {
        return json.readTree(post("/api/chat/sessions", "").body()).get("sessionId").asText();
    }

    /** Sends a text and returns the bot's answer to it. */
    private String ask(String session, String text) throws Exception {
        long after = bot.store.transcript("web:" + session, 0).size();
        assertEquals(202, post("/api/chat/sessions/" + session + "/messages", json.writeValueAsString(Map.of("text", text)))
                .statusCode());
        long deadline = System.nanoTime() + 15_000_000_000L;
        JsonNode lines;
        do {
            lines = json.readTree(http.send(HttpRequest.newBuilder(URI.create(bot.url("/api/chat/sessions/" + session
                    + "/messages?after=" + after + "&wait=2"))).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .get("messages");
        } while (lines.size() < 2 && System.nanoTime() < deadline);
        assertTrue(lines.size() >= 2, "an answer to " + text);
        return lines.get(1).get("text").asText();
    }

    private static String codeIn(String text) {
        Matcher m = Pattern.compile("show the code ([A-Z2-9]{6})").matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }

    @Test
    void aCodeShownToOneUserVerifiesNobodyForAnother() throws Exception {
        String a = session();
        String b = session();
        String codeA = codeIn(ask(a, "/verify alice"));
        String codeB = codeIn(ask(b, "/verify alice"));
        assertNotEquals(codeA, codeB, "alice has a different code with each user");

        assertTrue(ask(b, "/verify " + codeA).contains("is not one of our agents"), "A's code, checked in B, says no");
        assertTrue(ask(a, "/verify " + codeA).contains("belongs to alice"), "and yes in A");
        assertTrue(ask(b, "/verify " + codeB.toLowerCase()).contains("belongs to alice"));
    }
}

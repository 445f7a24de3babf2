package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.safety.TestPhrases;

/** The user's transcript download: their lines, their language and zone, and never a pasted recovery phrase. */
class TranscriptApiTest {
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

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        var req = HttpRequest.newBuilder(URI.create(bot.url(path))).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String session(String zone) throws Exception {
        var res = call("POST", "/api/chat/sessions", json.writeValueAsString(Map.of("zone", zone)));
        assertEquals(201, res.statusCode(), res.body());
        return json.readTree(res.body()).get("sessionId").asText();
    }

    private void say(String session, String text) throws Exception {
        var res = call("POST", "/api/chat/sessions/" + session + "/messages", json.writeValueAsString(Map.of("text", text)));
        assertEquals(202, res.statusCode(), res.body());
    }

    @Test
    void aPastedPhraseNeverReachesTheTranscript() throws Exception {
        String s = session("Asia/Tokyo");
        say(s, "hello, my transfer is stuck");
        String phrase = String.join(" ", TestPhrases.words("english", 12, 11));
        say(s, "is this right? " + phrase);
        var res = call("GET", "/api/chat/sessions/" + s + "/transcript", null);
        assertEquals(200, res.statusCode());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(res.headers().firstValue("Content-Disposition").orElse("").contains("transcript.txt"));
        String text = res.body();
        assertTrue(text.contains("You: hello, my transfer is stuck"), text);
        assertTrue(text.contains("Asia/Tokyo"), text);
        String[] words = phrase.split(" ");
        assertFalse(text.contains(words[3] + " " + words[4]), "the phrase reached the transcript:\n" + text);
        assertFalse(text.contains(words[8] + " " + words[9]), "the phrase reached the transcript:\n" + text);
    }

    @Test
    void timesAreInTheConversationsZone() throws Exception {
        String s = session("Asia/Tokyo");
        say(s, "hello");
        var line = bot.store.transcript("web:" + s, 0).get(0);
        String tokyo = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(line.time().atZone(java.time.ZoneId.of("Asia/Tokyo")));
        String body = call("GET", "/api/chat/sessions/" + s + "/transcript", null).body();
        assertTrue(body.contains("[" + tokyo + "] You: hello"), body);
    }

    @Test
    void aChineseConversationGetsAChineseTranscript() throws Exception {
        String s = session("Asia/Shanghai");
        say(s, "/lang zh");
        say(s, "你好，我的转账卡住了");
        String body = call("GET", "/api/chat/sessions/" + s + "/transcript", null).body();
        assertTrue(body.startsWith("您与客服的对话记录"), body);
        assertTrue(body.contains("] 您：你好，我的转账卡住了"), body);
        assertFalse(body.contains("You:"), body);
    }

    @Test
    void anUnknownSessionHasNoTranscript() throws Exception {
        var res = call("GET", "/api/chat/sessions/nope/transcript", null);
        assertEquals(404, res.statusCode());
        assertTrue(res.body().contains("unknown chat session"), res.body());
    }
}

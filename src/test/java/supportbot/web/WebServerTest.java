package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP surface on 127.0.0.1 with a real store and engine: FAQ search and the fixed web chat API. */
class WebServerTest {
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

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(bot.url(path));
    }

    private String newSession() throws Exception {
        var res = post("/api/chat/sessions", "");
        assertEquals(201, res.statusCode());
        return json.readTree(res.body()).get("sessionId").asText();
    }

    @Test
    void aChatRoundTripEchoesTheUserAndReturnsTheBotReplyWithButtons() throws Exception {
        String id = newSession();
        assertEquals(202, post("/api/chat/sessions/" + id + "/messages", "{\"text\":\"hello\"}").statusCode());
        JsonNode messages = json.readTree(get("/api/chat/sessions/" + id + "/messages?after=0&wait=5").body()).get("messages");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (messages.size() < 2 && System.nanoTime() < deadline) {
            messages = json.readTree(get("/api/chat/sessions/" + id + "/messages?after=0&wait=2").body()).get("messages");
        }
        assertEquals("user", messages.get(0).get("from").asText());
        assertEquals("hello", messages.get(0).get("text").asText());
        JsonNode bot = messages.get(1);
        assertEquals("bot", bot.get("from").asText());
        assertEquals(2, bot.get("seq").asInt());
        assertEquals("report", bot.get("buttons").get(0).get("payload").asText());

        assertEquals(202, post("/api/chat/sessions/" + id + "/messages", "{\"button\":\"report\"}").statusCode());
        JsonNode after = json.readTree(get("/api/chat/sessions/" + id + "/messages?after=2&wait=5").body()).get("messages");
        while (after.size() < 2 && System.nanoTime() < deadline) {
            after = json.readTree(get("/api/chat/sessions/" + id + "/messages?after=2&wait=2").body()).get("messages");
        }
        assertEquals("Report a problem", after.get(0).get("text").asText(), "a pressed button is recorded by its label");
        assertTrue(after.get(1).get("buttons").size() >= 9, "category choices: " + after.get(1));
    }

    @Test
    void aLongPollWithNothingNewReturnsEmptyAfterItsWait() throws Exception {
        String id = newSession();
        long start = System.nanoTime();
        var res = get("/api/chat/sessions/" + id + "/messages?after=0&wait=1");
        assertEquals(200, res.statusCode());
        assertEquals(0, json.readTree(res.body()).get("messages").size());
        assertTrue(System.nanoTime() - start >= 900_000_000L, "it waited");
    }

    @Test
    void badRequestsGetClearErrorsAndNoStackTraces() throws Exception {
        String id = newSession();
        var unknown = post("/api/chat/sessions/00000000-0000-0000-0000-000000000000/messages", "{\"text\":\"hi\"}");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("unknown chat session"), unknown.body());
        var notJson = post("/api/chat/sessions/" + id + "/messages", "text=hi");
        assertEquals(400, notJson.statusCode());
        assertTrue(notJson.body().contains("JSON"), notJson.body());
        var both = post("/api/chat/sessions/" + id + "/messages", "{\"text\":\"a\",\"button\":\"b\"}");
        assertEquals(400, both.statusCode());
        var badWait = get("/api/chat/sessions/" + id + "/messages?after=x");
        assertEquals(400, badWait.statusCode());
        for (var res : java.util.List.of(unknown, notJson, both, badWait)) {
            assertFalse(res.body().contains("Exception"), res.body());
        }
    }

    @Test
    void anAttachmentIsStoredAndShowsInTheTranscript() throws Exception {
        String id = newSession();
        String boundary = "----supportbot";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"error.png\"\r\n"
                + "Content-Type: image/png\r\n\r\nPNGDATA\r\n--" + boundary + "--\r\n";
        var res = http.send(HttpRequest.newBuilder(uri("/api/chat/sessions/" + id + "/attachments"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, res.statusCode(), res.body());
        JsonNode messages = json.readTree(get("/api/chat/sessions/" + id + "/messages?after=0&wait=5").body()).get("messages");
        assertEquals("error.png", messages.get(0).get("attachments").get(0).asText());
        try (var files = Files.walk(dir.resolve("data/attachments"))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith("error.png")));
        }
    }

    @Test
    void faqSearchAnswersInTheAskersLanguage() throws Exception {
        var res = get("/api/faq/search?q=" + URLEncoder.encode("手续费为什么这么高", StandardCharsets.UTF_8));
        assertEquals(200, res.statusCode());
        JsonNode body = json.readTree(res.body());
        assertEquals("zh", body.get("lang").asText());
        assertEquals("fees", body.get("candidates").get(0).get("id").asText());
        assertEquals(400, get("/api/faq/search").statusCode());
        for (String invisible : List.of("%00%00", "%C2%A0", "%E2%80%8B%EF%BB%BF")) {
            var blank = get("/api/faq/search?q=" + invisible);
            assertEquals(400, blank.statusCode(), invisible);
            assertTrue(json.readTree(blank.body()).get("error").asText().contains("required"), invisible);
        }
    }

    @Test
    void theChatPageIsServed() throws Exception {
        var home = get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("id=\"messages\""), "the chat page has the message list");
    }
}

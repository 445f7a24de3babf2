package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.config.ConfigLoader;
import supportbot.faq.FaqIndexer;
import supportbot.faq.FaqService;

class WebServerTest {
    @TempDir
    Path dir;

    private Javalin server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("faq.jsonl"), """
                {"id":"pin","question":"How do I reset my PIN code?","answer":"Settings, Security, Reset PIN."}
                {"id":"fees","question":"为什么手续费这么高","answer":"手续费由网络收取。"}
                """);
        var settings = new ConfigLoader().defaults().searchSettings().withSemantic(false);
        var faq = new FaqService(dir.resolve("faq.jsonl"), null, settings, FaqIndexer.Progress.SILENT);
        server = WebServer.start("127.0.0.1", 0, faq);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void searchReturnsTheDecisionAndAnswersInTheAskersLanguage() throws Exception {
        var res = get("/api/faq/search?q=" + URLEncoder.encode("手续费为什么这么高", StandardCharsets.UTF_8));
        assertEquals(200, res.statusCode());
        JsonNode body = new ObjectMapper().readTree(res.body());
        assertEquals("zh", body.get("lang").asText());
        assertEquals("fees", body.get("candidates").get(0).get("id").asText());
        assertEquals("手续费由网络收取。", body.get("candidates").get(0).get("answer").asText());
        assertTrue(body.get("decision").asText().matches("answer|suggest|none"));
    }

    @Test
    void missingQueryIsA400WithAMessage() throws Exception {
        var res = get("/api/faq/search");
        assertEquals(400, res.statusCode());
        assertTrue(res.body().contains("'q' is required"), res.body());
    }

    @Test
    void unknownPathIsAJson404AndTheHomePageIsServed() throws Exception {
        var missing = get("/api/nope");
        assertEquals(404, missing.statusCode());
        assertFalse(missing.body().contains("Exception"), missing.body());
        var home = get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("support-bot"));
    }
}

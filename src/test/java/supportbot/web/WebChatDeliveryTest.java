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
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.safety.InboundGuard;

/**
 * A web chat message is acknowledged only once it is committed, a resend with the same id is handled once,
 * and a message over the flood limit is refused with 429 rather than accepted and skipped.
 */
class WebChatDeliveryTest {
    @TempDir
    Path dir;

    private LocalBot bot;
    /** The flood limit's clock: it only moves when a test says so. */
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private void start(int floodMessages) throws Exception {
        bot = new LocalBot(dir, WebSettings.defaults(), new InboundGuard.Settings(4000, floodMessages, Duration.ofSeconds(10)),
                nanos::get);
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
    }

    private HttpRequest postRequest(String path, String body) {
        return HttpRequest.newBuilder(URI.create(bot.url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(postRequest(path, body), HttpResponse.BodyHandlers.ofString());
    }

    private String newSession() throws Exception {
        return json.readTree(post("/api/chat/sessions", "").body()).get("sessionId").asText();
    }

    private long userLines(String session, String text) {
        return bot.store.transcript("web:" + session, 0).stream()
                .filter(l -> l.from().equals("user") && l.text().equals(text)).count();
    }

    @Test
    void theAnswerWaitsForTheCommitAndWhatItAcknowledgesIsInTheStore() throws Exception {
        start(12);
        String id = newSession();
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var holding = new java.util.concurrent.atomic.AtomicBoolean(true);
        // Runs on the commit thread before the commit's futures complete: while it blocks, nothing is acknowledged.
        bot.committer.onCommit(() -> {
            if (holding.get()) {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(
                postRequest("/api/chat/sessions/" + id + "/messages", "{\"text\":\"hello\",\"id\":\"m-1\"}"),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(entered.await(30, TimeUnit.SECONDS), "the message reached the commit");
        assertFalse(answer.isDone(), "no answer while the commit has not completed");
        holding.set(false);
        release.countDown();
        var res = answer.get(30, TimeUnit.SECONDS);
        assertEquals(202, res.statusCode(), res.body());
        var body = json.readTree(res.body());
        assertTrue(body.get("accepted").asBoolean());
        assertEquals("m-1", body.get("id").asText());
        assertFalse(body.get("duplicate").asBoolean());
        assertEquals(1, userLines(id, "hello"), "acknowledged means stored, with the bot's reply");
        assertTrue(bot.store.transcript("web:" + id, 0).stream().anyMatch(l -> l.from().equals("bot")));
    }

    @Test
    void aMessageTheStoreCannotCommitIsAnErrorTheClientRetries() throws Exception {
        start(12);
        String id = newSession();
        bot.committer.close(); // every later commit fails
        var res = post("/api/chat/sessions/" + id + "/messages", "{\"text\":\"hello\",\"id\":\"m-1\"}");
        assertEquals(503, res.statusCode(), res.body());
        assertTrue(json.readTree(res.body()).get("error").asText().contains("not saved"), res.body());
        assertEquals("1", res.headers().firstValue("Retry-After").orElse(null));
        assertEquals(0, userLines(id, "hello"));
    }

    @Test
    void aResendWithTheSameIdIsHandledOnceAndAnsweredAsADuplicate() throws Exception {
        start(12);
        String id = newSession();
        String body = "{\"text\":\"my withdrawal is stuck\",\"id\":\"widget-7\"}";
        // The widget's resend after a lost answer: the same body twice, the second while the first may still run.
        var first = http.sendAsync(postRequest("/api/chat/sessions/" + id + "/messages", body), HttpResponse.BodyHandlers.ofString());
        var second = http.sendAsync(postRequest("/api/chat/sessions/" + id + "/messages", body), HttpResponse.BodyHandlers.ofString());
        var answers = java.util.List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
        for (var a : answers) {
            assertEquals(202, a.statusCode(), a.body());
        }
        long duplicates = answers.stream().filter(a -> a.body().contains("\"duplicate\":true")).count();
        assertEquals(1, duplicates, "one of them was the resend");
        assertEquals(1, userLines(id, "my withdrawal is stuck"));
        int lines = bot.store.transcript("web:" + id, 0).size();
        assertEquals(202, post("/api/chat/sessions/" + id + "/messages", body).statusCode());
        assertEquals(lines, bot.store.transcript("web:" + id, 0).size(), "a later resend changes nothing either");
        var other = post("/api/chat/sessions/" + id + "/messages", "{\"text\":\"my withdrawal is stuck\",\"id\":\"widget-8\"}");
        assertTrue(other.body().contains("\"duplicate\":false"), "another id is another message: " + other.body());
        assertEquals(2, userLines(id, "my withdrawal is stuck"));
    }

    @Test
    void overTheFloodLimitTheApiRefusesWith429AndKeepsNothing() throws Exception {
        start(3);
        String id = newSession();
        for (int i = 1; i <= 3; i++) {
            assertEquals(202, post("/api/chat/sessions/" + id + "/messages", "{\"text\":\"message " + i + "\"}").statusCode());
        }
        int before = bot.store.transcript("web:" + id, 0).size();
        var refused = post("/api/chat/sessions/" + id + "/messages", "{\"text\":\"message 4\",\"id\":\"m-4\"}");
        assertEquals(429, refused.statusCode(), refused.body());
        // 3 per 10 s: the next is read in 10/3 s, rounded up.
        assertEquals("4", refused.headers().firstValue("Retry-After").orElse(null));
        assertTrue(json.readTree(refused.body()).get("error").asText().contains("not read"), refused.body());
        assertEquals(before, bot.store.transcript("web:" + id, 0).size(), "nothing of it is kept, no notice either");

        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        var retried = post("/api/chat/sessions/" + id + "/messages", "{\"text\":\"message 4\",\"id\":\"m-4\"}");
        assertEquals(202, retried.statusCode(), "the retry after Retry-After is read: " + retried.body());
        assertTrue(retried.body().contains("\"duplicate\":false"), retried.body());
        assertEquals(1, userLines(id, "message 4"));
        assertTrue(bot.store.transcript("web:" + id, 0).stream().noneMatch(l -> l.text().contains("did not read")),
                "the web chat user was told by the 429, not by a notice in the chat");
    }
}

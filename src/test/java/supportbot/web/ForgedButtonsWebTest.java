package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import supportbot.safety.TestPhrases;

/** Web chat: a button payload counts only if this conversation was offered it. */
class ForgedButtonsWebTest extends LocalBotTest {
    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(bot.url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String session() throws Exception {
        return json.readTree(post("/api/chat/sessions", "").body()).get("sessionId").asText();
    }

    private void send(String session, Map<String, String> body) throws Exception {
        assertEquals(202, post("/api/chat/sessions/" + session + "/messages", json.writeValueAsString(body)).statusCode());
    }

    /** The bot lines after {@code after}, once there are at least {@code count} lines in all after it. */
    private JsonNode linesAfter(String session, long after, int count) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        JsonNode lines;
        do {
            lines = json.readTree(http.send(HttpRequest.newBuilder(URI.create(bot.url("/api/chat/sessions/" + session
                    + "/messages?after=" + after + "&wait=2"))).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .get("messages");
        } while (lines.size() < count && System.nanoTime() < deadline);
        assertTrue(lines.size() >= count, "expected " + count + " lines after " + after + ": " + lines);
        return lines;
    }

    @Test
    void aForgedForgetYesInAConversationNeverAskedErasesNothing() throws Exception {
        String s = session();
        send(s, Map.of("text", "How do I reset my PIN code?"));
        JsonNode first = linesAfter(s, 0, 2);
        long seen = first.get(first.size() - 1).get("seq").asLong();

        send(s, Map.of("button", "forget:yes"));
        JsonNode refused = linesAfter(s, seen, 2);
        assertEquals("This button is no longer valid, so nothing was changed. Please use the buttons on my latest "
                + "message, or just type what you need.", refused.get(1).get("text").asText());
        assertFalse(refused.get(0).get("text").asText().contains("forget"), "the payload is not kept: " + refused);
        assertTrue(bot.store.conversation("web:" + s).isPresent(), "the conversation is still there");
        assertEquals("How do I reset my PIN code?", bot.store.transcript("web:" + s, 0).get(0).text(),
                "and so is what was said");

        // The real thing still works: /forget offers the button, and pressing it erases.
        send(s, Map.of("text", "/forget"));
        JsonNode prompt = linesAfter(s, seen + 2, 2);
        assertTrue(prompt.get(1).get("buttons").toString().contains("forget:yes"), prompt.toString());
        send(s, Map.of("button", "forget:yes"));
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!bot.store.transcript("web:" + s, 0).stream().allMatch(l -> l.text().startsWith("Done: your conversation"))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(bot.store.transcript("web:" + s, 0).stream().noneMatch(l -> l.text().contains("PIN")),
                "an offered forget:yes erases");
    }

    @Test
    void aForgedPayloadHoldingARecoveryPhraseIsRefusedAndNeverStored() throws Exception {
        String s = session();
        send(s, Map.of("text", "hello"));
        JsonNode first = linesAfter(s, 0, 2);
        long seen = first.get(first.size() - 1).get("seq").asLong();
        String phrase = String.join(" ", TestPhrases.words("english", 12, 7));
        for (String forged : new String[] {phrase, "answer:" + phrase.substring(0, 60), "[" + phrase + "]"}) {
            send(s, Map.of("button", forged));
        }
        JsonNode lines = linesAfter(s, seen, 6);
        for (int i = 1; i < 6; i += 2) {
            assertTrue(lines.get(i).get("text").asText().startsWith("This button is no longer valid"), lines.toString());
        }
        String words = phrase.split(" ")[3] + " " + phrase.split(" ")[4];
        assertFalse(bot.store.transcript("web:" + s, 0).toString().contains(words), "not in the transcript");
        assertFalse(bot.store.stored("web:" + s).orElseThrow().toString().contains(words), "not in the state");
        bot.close();
        try (var files = Files.walk(dir.resolve("data"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).contains(words),
                        "the phrase reached " + f);
            }
        }
    }

    @Test
    void aChineseConversationIsToldInChinese() throws Exception {
        String s = session();
        send(s, Map.of("text", "你好，我想问一下手续费"));
        JsonNode first = linesAfter(s, 0, 2);
        long seen = first.get(first.size() - 1).get("seq").asLong();
        send(s, Map.of("button", "rate:1"));
        JsonNode refused = linesAfter(s, seen, 2);
        assertEquals("这个按钮已失效，所以没有做任何更改。请使用我最新一条消息里的按钮，或直接输入您的需求。",
                refused.get(1).get("text").asText());
    }
}

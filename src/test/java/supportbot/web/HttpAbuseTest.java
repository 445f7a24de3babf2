package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What a hostile or broken client sends, over raw sockets so nothing is tidied on the way: every answer is a
 * 4xx with a JSON error body, never a 5xx, an HTML page or a stack trace.
 */
class HttpAbuseTest {
    @TempDir
    Path dir;

    private LocalBot bot;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Answer> answers = new ArrayList<>();

    record Answer(int status, String headers, String body) {
        String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    @BeforeEach
    void start() throws Exception {
        bot = new LocalBot(dir, new WebSettings(3, Duration.ofHours(1), "metrics-secret-0001"),
                supportbot.safety.InboundGuard.Settings.defaults(), System::nanoTime);
    }

    @AfterEach
    void stop() {
        bot.close();
        for (Answer a : answers) {
            assertTrue(a.status() < 500, "no 5xx for bad input: " + a);
        }
    }

    /** Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and {@code body}. */
    private Answer raw(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", bot.server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String headers = head + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
            out.write(headers.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException e) {
                    // the server may answer and close before taking a huge body: its answer is what counts
                }
            }
            out.flush();
            byte[] response = readAll(socket.getInputStream());
            String text = new String(response, StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String top = split < 0 ? text : text.substring(0, split);
            String rest = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(top.split(" ", 3)[1]);
            if (top.toLowerCase().contains("transfer-encoding: chunked")) {
                rest = unchunk(rest);
            }
            var a = new Answer(status, top, rest);
            answers.add(a);
            return a;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        var buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            for (int n; (n = in.read(chunk)) > 0; ) {
                buffer.write(chunk, 0, n);
            }
        } catch (java.net.SocketException e) {
            // a reset after the answer, when the server would not read a huge body
        }
        return buffer.toByteArray();
    }

    private static String unchunk(String body) {
        var out = new StringBuilder();
        int at = 0;
        while (at < body.length()) {
            int eol = body.indexOf("\r\n", at);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(at, eol).strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
        return out.toString();
    }

    private Answer post(String path, String contentType, String body) throws IOException {
        return raw("POST " + path + " HTTP/1.1" + (contentType == null ? "" : "\r\nContent-Type: " + contentType),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private Answer get(String path) throws IOException {
        return raw("GET " + path + " HTTP/1.1", null);
    }

    /** A JSON error body with a readable message, and nothing of the server's insides. */
    private JsonNode error(Answer a, int status) throws IOException {
        assertEquals(status, a.status(), a.toString());
        assertTrue(String.valueOf(a.header("Content-Type")).startsWith("application/json"), "JSON, not HTML: " + a);
        JsonNode body = json.readTree(a.body());
        assertTrue(body.get("error").isTextual() && !body.get("error").asText().isBlank(), a.body());
        assertFalse(a.body().contains("Exception") || a.body().contains("at org.") || a.body().contains("<html"), a.body());
        return body;
    }

    private String session() throws IOException {
        Answer a = post("/api/chat/sessions", null, "");
        assertEquals(201, a.status(), a.toString());
        return json.readTree(a.body()).get("sessionId").asText();
    }

    @Test
    void aMessageMustBeSentAsJson() throws Exception {
        String id = session();
        String path = "/api/chat/sessions/" + id + "/messages";
        error(post(path, "text/plain", "{\"text\":\"hi\"}"), 415);
        error(post(path, "application/x-www-form-urlencoded", "text=hi"), 415);
        error(post(path, "multipart/form-data; boundary=x", "{\"text\":\"hi\"}"), 415);
        error(post(path, null, "{\"text\":\"hi\"}"), 415);
        assertEquals(202, post(path, "application/json; charset=utf-8", "{\"text\":\"hi\"}").status());
        assertEquals(1, bot.store.transcript("web:" + id, 0).stream().filter(l -> l.from().equals("user")).count(),
                "only the JSON one was taken");
    }

    @Test
    void aHugeBodyIs413NotABadJsonError() throws Exception {
        String id = session();
        byte[] huge = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        var chat = raw("POST /api/chat/sessions/" + id + "/messages HTTP/1.1\r\nContent-Type: application/json", huge);
        assertTrue(error(chat, 413).get("error").asText().contains("too large"), chat.body());
        var desk = raw("POST /api/desk/tickets/1/note HTTP/1.1\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                + LocalBot.ALICE, huge);
        error(desk, 413);
        byte[] head = ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.png\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] upload = java.util.Arrays.copyOf(head, head.length + huge.length);
        System.arraycopy(huge, 0, upload, head.length, huge.length);
        var file = raw("POST /api/chat/sessions/" + id + "/attachments HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=b", upload);
        assertTrue(error(file, 413).get("error").asText().contains("10 MB"), file.body());
    }

    @Test
    void malformedJsonAndNulBytesAre400() throws Exception {
        String id = session();
        String path = "/api/chat/sessions/" + id + "/messages";
        for (String body : List.of("{", "{\"text\":", "[1,2]", "\"text\"", "null", "{\"text\":\"a\u0000b\"}",
                "{\"text\":\"a\\u0000b\"}", "\u0000\u0000\u0000", "{\"text\":123}", "{\"text\":\"hi\",\"id\":\"../../x\"}",
                "{\"text\":\"hi\",\"id\":\"" + "x".repeat(65) + "\"}", "{\"button\":\"\"}", "{\"text\":\"\uD800\"}")) {
            Answer a = post(path, "application/json", body);
            assertTrue(a.status() == 400 || a.status() == 202, body + " -> " + a);
            if (a.status() == 400) {
                error(a, 400);
            }
        }
        assertTrue(bot.store.transcript("web:" + id, 0).stream().noneMatch(l -> l.text().indexOf('\u0000') >= 0),
                "no NUL reaches the store");
        error(get("/api/chat/sessions/" + id + "/messages?after=%00"), 400);
        error(get("/api/chat/sessions/%00/messages"), 400); // Jetty refuses a NUL in a path before any route
        Answer desk = raw("POST /api/desk/tickets/1/note HTTP/1.1\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                + LocalBot.ALICE, "{\"text\":".getBytes(StandardCharsets.UTF_8));
        error(desk, 400);
    }

    @Test
    void unknownRoutesLongUrisAndHugeHeadersAnswerJson() throws Exception {
        assertTrue(error(get("/no/such/page"), 404).get("error").asText().contains("not found"));
        error(post("/api/nothing", "application/json", "{}"), 404);
        error(raw("DELETE /api/chat/sessions HTTP/1.1", null), 404);
        error(get("/api/faq/search?q=" + "a".repeat(20_000)), 414);
        error(raw("GET /health HTTP/1.1\r\nX-Padding: " + "b".repeat(40_000), null), 431);
        error(raw("GET /health HTTP/1.1\r\nBroken header line", null), 400);
    }

    @Test
    void sessionCreationIsCappedPerAddress() throws Exception {
        for (int i = 0; i < 3; i++) {
            session();
        }
        Answer refused = post("/api/chat/sessions", null, "");
        error(refused, 429);
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1, refused.toString());
    }

    @Test
    void metricsNeedTheToken() throws Exception {
        error(get("/metrics"), 401);
        error(raw("GET /metrics HTTP/1.1\r\nAuthorization: Bearer wrong", null), 401);
        Answer ok = raw("GET /metrics HTTP/1.1\r\nAuthorization: Bearer metrics-secret-0001", null);
        assertEquals(200, ok.status());
        assertTrue(ok.body().contains("supportbot_tickets"), ok.body());
    }

    @Test
    void anAgentReplyHoldingASecretIsRefusedWithOneWarningLine() throws Exception {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        try {
            String id = session();
            for (String text : List.of("the app crashes every time I open it", "talk to a human")) {
                assertEquals(202, post("/api/chat/sessions/" + id + "/messages", "application/json",
                        "{\"text\":\"" + text + "\"}").status());
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (bot.store.tickets().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long ticket = bot.store.tickets().get(0).number();
            assertEquals(200, raw("POST /api/desk/tickets/" + ticket + "/claim HTTP/1.1\r\nAuthorization: Bearer " + LocalBot.ALICE,
                    new byte[0]).status());
            String phrase = String.join(" ", supportbot.safety.TestPhrases.words("english", 12, 5));
            Answer a = raw("POST /api/desk/tickets/" + ticket + "/reply HTTP/1.1\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                    + LocalBot.ALICE, ("{\"text\":\"" + phrase + "\"}").getBytes(StandardCharsets.UTF_8));
            assertTrue(error(a, 400).get("error").asText().contains("recovery phrase"), a.body());
        } finally {
            root.detachAppender(appender);
        }
        var events = appender.list;
        assertTrue(events.stream().noneMatch(e -> e.getLevel() == Level.ERROR), "no ERROR: " + events);
        assertTrue(events.stream().noneMatch(e -> e.getThrowableProxy() != null), "no stack trace: " + events);
        assertTrue(events.stream().noneMatch(e -> e.getFormattedMessage().contains(
                supportbot.safety.TestPhrases.words("english", 12, 5).get(0) + " ")), "the phrase is not logged");
    }
}

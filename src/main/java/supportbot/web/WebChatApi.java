package supportbot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.LinkedHashMap;
import java.util.Map;
import supportbot.channel.webchat.WebChat;
import supportbot.store.TranscriptLine;

/** The web chat's HTTP API (fixed: other tools drive the bot through it). Validation here, rules elsewhere. */
final class WebChatApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WebChat chat;

    WebChatApi(WebChat chat) {
        this.chat = chat;
    }

    void createSession(Context ctx) {
        ctx.status(201).json(Map.of("sessionId", chat.createSession()));
    }

    void postMessage(Context ctx) {
        String id = knownSession(ctx);
        if (id == null) {
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (Exception e) {
            badRequest(ctx, "body must be JSON: {\"text\":\"…\"} or {\"button\":\"<payload>\"}");
            return;
        }
        if (body == null || !body.isObject()) {
            badRequest(ctx, "body must be a JSON object: {\"text\":\"…\"} or {\"button\":\"<payload>\"}");
            return;
        }
        JsonNode text = body.get("text");
        JsonNode button = body.get("button");
        if ((text == null) == (button == null)) {
            badRequest(ctx, "give exactly one of \"text\" or \"button\"");
            return;
        }
        if (text != null) {
            if (!text.isTextual() || text.asText().isBlank()) {
                badRequest(ctx, "\"text\" must be a non-empty string");
                return;
            }
            if (text.asText().length() > WebChat.MAX_TEXT_CHARS) {
                badRequest(ctx, "\"text\" is too long (max " + WebChat.MAX_TEXT_CHARS + " characters)");
                return;
            }
            chat.sendText(id, text.asText());
        } else {
            if (!button.isTextual() || button.asText().isEmpty() || button.asText().length() > 200) {
                badRequest(ctx, "\"button\" must be the payload string of a button");
                return;
            }
            chat.pressButton(id, button.asText());
        }
        ctx.status(202).json(Map.of("accepted", true));
    }

    void postAttachment(Context ctx) {
        String id = knownSession(ctx);
        if (id == null) {
            return;
        }
        UploadedFile file;
        try {
            file = ctx.uploadedFile("file");
        } catch (Exception e) {
            badRequest(ctx, "expected multipart/form-data with a field named \"file\"");
            return;
        }
        if (file == null) {
            badRequest(ctx, "expected multipart/form-data with a field named \"file\"");
            return;
        }
        if (file.size() > WebChat.MAX_ATTACHMENT_BYTES) {
            ctx.status(413).json(Map.of("error", "file is too large (max " + WebChat.MAX_ATTACHMENT_BYTES / (1024 * 1024) + " MB)"));
            return;
        }
        String type = file.contentType() == null ? "" : file.contentType();
        if (!(type.startsWith("image/") || type.equals("application/pdf") || type.equals("text/plain"))) {
            ctx.status(415).json(Map.of("error", "only images, PDF or plain text can be attached"));
            return;
        }
        chat.attach(id, file.filename(), type, file.content());
        ctx.status(202).json(Map.of("accepted", true));
    }

    void getMessages(Context ctx) {
        String id = knownSession(ctx);
        if (id == null) {
            return;
        }
        long after;
        int wait;
        try {
            after = Long.parseLong(ctx.queryParamAsClass("after", String.class).getOrDefault("0"));
            wait = Integer.parseInt(ctx.queryParamAsClass("wait", String.class).getOrDefault("0"));
        } catch (NumberFormatException e) {
            badRequest(ctx, "'after' and 'wait' must be whole numbers");
            return;
        }
        if (after < 0 || wait < 0) {
            badRequest(ctx, "'after' and 'wait' must not be negative");
            return;
        }
        ctx.future(() -> chat.poll(id, after, wait).thenAccept(lines -> ctx.json(Map.of("messages",
                lines.stream().map(WebChatApi::toJson).toList()))));
    }

    /** The user's own data (/export): whoever holds the session id is the user. */
    void export(Context ctx) {
        String id = knownSession(ctx);
        if (id == null) {
            return;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"my-support-data.json\"");
        ctx.contentType("application/json").result(chat.export(id));
    }

    private static Map<String, Object> toJson(TranscriptLine line) {
        var m = new LinkedHashMap<String, Object>();
        m.put("seq", line.seq());
        m.put("from", line.from());
        m.put("text", line.text());
        if (line.by() != null) {
            m.put("agent", line.by());
        }
        m.put("buttons", line.buttons().stream().map(b -> Map.of("label", b.label(), "payload", b.payload())).toList());
        if (!line.attachments().isEmpty()) {
            m.put("attachments", line.attachments().stream().map(a -> a.fileName()).toList());
        }
        return m;
    }

    private String knownSession(Context ctx) {
        String id = ctx.pathParam("id");
        if (!chat.exists(id)) {
            ctx.status(404).json(Map.of("error", "unknown chat session: " + (id.length() > 40 ? id.substring(0, 40) + "…" : id)));
            return null;
        }
        return id;
    }

    private static void badRequest(Context ctx, String message) {
        ctx.status(400).json(Map.of("error", message));
    }
}

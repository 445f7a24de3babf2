package supportbot.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.channel.Inbox;
import supportbot.channel.webchat.WebChat;

/**
 * The web chat's HTTP API (fixed: other tools drive the bot through it). Validation here, rules elsewhere. A
 * message is acknowledged only once it is committed: an answer that never comes, or a 5xx, means "send it
 * again with the same id".
 */
final class WebChatApi {
    private static final Logger log = LoggerFactory.getLogger(WebChatApi.class);
    private static final String MESSAGE_HINT = "{\"text\":\"…\"} or {\"button\":\"<payload>\"}, optionally with \"id\"";
    private static final String ZONE_HINT = "{\"zone\":\"Europe/Berlin\"} (optional)";
    private static final String ID_PATTERN = "[A-Za-z0-9_.:-]{1,64}";

    private final WebChat chat;
    private final SessionGate gate;

    WebChatApi(WebChat chat, SessionGate gate) {
        this.chat = chat;
        this.gate = gate;
    }

    /** An optional body {@code {"zone": "Europe/Berlin"}} (the browser's zone) starts the conversation in it. */
    void createSession(Context ctx) {
        java.time.ZoneId zone = zone(ctx);
        gate.admit(ctx.ip());
        ctx.status(201).json(new ChatJson.SessionCreated(chat.createSession(zone)));
    }

    private static java.time.ZoneId zone(Context ctx) {
        String raw = JsonBodies.optionalString(JsonBodies.objectOrEmpty(ctx, ZONE_HINT), "zone", "\"zone\" must be a string");
        if (raw == null) {
            return null;
        }
        return supportbot.dialogue.ZoneInput.parse(raw).orElseThrow(() -> new HttpError(400,
                "unknown time zone in \"zone\"; send an IANA name such as Europe/Berlin or leave it out"));
    }

    void postMessage(Context ctx) {
        String id = knownSession(ctx);
        ChatJson.MessageRequest m = message(JsonBodies.object(ctx, MESSAGE_HINT));
        answerWhenCommitted(ctx, id, m.id(), () -> m.text() != null ? chat.sendText(id, m.text(), m.id())
                : chat.pressButton(id, m.button(), m.id()));
    }

    private static ChatJson.MessageRequest message(JsonNode body) {
        String text = JsonBodies.optionalString(body, "text", "\"text\" must be a non-empty string");
        String button = JsonBodies.optionalString(body, "button", "\"button\" must be the payload string of a button");
        String messageId = messageId(JsonBodies.optionalString(body, "id", "\"id\" must be a string"));
        if ((text == null) == (button == null)) {
            throw new HttpError(400, "give exactly one of \"text\" or \"button\"");
        }
        if (text != null) {
            if (text.isBlank()) {
                throw new HttpError(400, "\"text\" must be a non-empty string");
            }
            if (text.length() > WebChat.MAX_TEXT_CHARS) {
                throw new HttpError(400, "\"text\" is too long (max " + WebChat.MAX_TEXT_CHARS + " characters)");
            }
        } else if (button.isEmpty() || button.length() > 200) {
            throw new HttpError(400, "\"button\" must be the payload string of a button");
        }
        if (text != null && text.indexOf('\u0000') >= 0 || button != null && button.indexOf('\u0000') >= 0) {
            throw new HttpError(400, "text must not contain NUL characters");
        }
        return new ChatJson.MessageRequest(text, button, messageId);
    }

    private static String messageId(String raw) {
        if (raw != null && !raw.matches(ID_PATTERN)) {
            throw new HttpError(400, "\"id\" must be 1-64 letters, digits, '.', '_', ':' or '-'");
        }
        return raw;
    }

    void postAttachment(Context ctx) {
        String id = knownSession(ctx);
        if (ctx.contentLength() > WebChat.MAX_ATTACHMENT_BYTES + 64 * 1024) {
            throw new HttpError(413, "file is too large (max " + WebChat.MAX_ATTACHMENT_BYTES / (1024 * 1024) + " MB)");
        }
        UploadedFile file;
        String messageId;
        try {
            file = ctx.uploadedFile("file");
            messageId = messageId(ctx.formParam("id"));
        } catch (HttpError e) {
            throw e;
        } catch (RuntimeException e) {
            throw new HttpError(400, "expected multipart/form-data with a field named \"file\"");
        }
        if (file == null) {
            throw new HttpError(400, "expected multipart/form-data with a field named \"file\"");
        }
        if (file.size() > WebChat.MAX_ATTACHMENT_BYTES) {
            throw new HttpError(413, "file is too large (max " + WebChat.MAX_ATTACHMENT_BYTES / (1024 * 1024) + " MB)");
        }
        String type = file.contentType() == null ? "" : file.contentType();
        if (!(type.startsWith("image/") || type.equals("application/pdf") || type.equals("text/plain"))) {
            throw new HttpError(415, "only images, PDF or plain text can be attached");
        }
        answerWhenCommitted(ctx, id, messageId, () -> chat.attach(id, file.filename(), type, file.content(), messageId));
    }

    /** 202 once committed; 429 with Retry-After when not read; 503 when the store could not commit it. */
    private void answerWhenCommitted(Context ctx, String sessionId, String messageId,
                                     java.util.function.Supplier<CompletableFuture<Inbox.Outcome>> send) {
        ctx.future(() -> send.get().handle((outcome, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                log.warn("a web chat message was not committed ({}); the client is told to send it again", cause.toString());
                error(ctx, new HttpError(503, "your message was not saved; please send it again",
                        java.time.Duration.ofSeconds(1)));
            } else if (outcome == Inbox.Outcome.FLOODED) {
                error(ctx, new HttpError(429, "you are sending messages too quickly; this one was not read, "
                        + "send it again after the time in Retry-After", chat.retryAfter(sessionId)));
            } else {
                ctx.status(202).json(new ChatJson.Accepted(true, messageId, outcome == Inbox.Outcome.DUPLICATE));
            }
            return null;
        }));
    }

    void getMessages(Context ctx) {
        String id = knownSession(ctx);
        long after;
        int wait;
        try {
            after = Long.parseLong(ctx.queryParamAsClass("after", String.class).getOrDefault("0"));
            wait = Integer.parseInt(ctx.queryParamAsClass("wait", String.class).getOrDefault("0"));
        } catch (NumberFormatException e) {
            throw new HttpError(400, "'after' and 'wait' must be whole numbers");
        }
        if (after < 0 || wait < 0) {
            throw new HttpError(400, "'after' and 'wait' must not be negative");
        }
        ctx.future(() -> chat.poll(id, after, wait).thenAccept(lines -> {
            var presence = chat.presence(id, lines);
            ctx.json(new ChatJson.Page(lines.stream().map(ChatJson.Line::of).toList(), presence.agentHolds(),
                    presence.agentTyping()));
        }));
    }

    /** The user's own data (/export): whoever holds the session id is the user. */
    void export(Context ctx) {
        String id = knownSession(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"my-support-data.json\"");
        ctx.contentType("application/json").result(chat.export(id));
    }

    /** The conversation as text (offered on resolve): whoever holds the session id is the user, as for export. */
    void transcript(Context ctx) {
        String id = knownSession(ctx);
        ctx.header("Content-Disposition", "attachment; filename=\"transcript.txt\"");
        ctx.contentType("text/plain; charset=utf-8").result(chat.transcript(id));
    }

    /** The user's own file, shown in their bubble: same safety headers as the desk's file view. */
    void file(Context ctx) {
        String id = knownSession(ctx);
        long seq;
        int index;
        try {
            seq = Long.parseLong(ctx.pathParam("seq"));
            index = Integer.parseInt(ctx.pathParam("index"));
        } catch (NumberFormatException e) {
            throw new HttpError(404, "no such file");
        }
        var a = chat.file(id, seq, index).orElseThrow(() -> new HttpError(404, "no such file"));
        if (!java.nio.file.Files.isRegularFile(java.nio.file.Path.of(a.ref()))) {
            throw new HttpError(404, "the file is gone (erased or past retention)");
        }
        try {
            ctx.header("Content-Disposition", "inline; filename=\"" + a.fileName().replace("\"", "") + "\"");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'");
            String type = INLINE_TYPES.contains(a.contentType()) ? a.contentType() : "application/octet-stream";
            ctx.contentType(type).result(supportbot.channel.AttachmentFiles.read(a));
        } catch (java.io.IOException e) {
            throw new HttpError(404, "the file cannot be read");
        }
    }

    private static final java.util.Set<String> INLINE_TYPES = java.util.Set.of("image/png", "image/jpeg", "image/gif",
            "image/webp");

    private String knownSession(Context ctx) {
        String id = ctx.pathParam("id");
        if (!chat.exists(id)) {
            String shown = id.length() > 40 ? id.substring(0, 40) + "…" : id;
            throw new HttpError(404, "unknown chat session: " + shown.replaceAll("\\p{Cntrl}", "?"));
        }
        return id;
    }

    static void error(Context ctx, HttpError e) {
        if (e.retryAfter() != null) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        }
        ctx.status(e.status()).json(new ApiError(e.getMessage()));
    }
}

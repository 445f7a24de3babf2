package supportbot.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Locale;

/**
 * Reads a JSON request body, refusing what is not one: the wrong content type (415, so a form or a
 * {@code text/plain} post from another site's page cannot pass as JSON), too large (413), not JSON (400).
 */
final class JsonBodies {
    /** Far above the largest valid body (4,000 characters of text, each escaped as {@code \\uXXXX}). */
    static final int MAX_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBodies() {
    }

    /** The body as a JSON object; {@code hint} shows what a valid body looks like. */
    static JsonNode object(Context ctx, String hint) {
        JsonNode node = read(ctx, hint);
        if (node == null) {
            throw new HttpError(400, "body must be a JSON object: " + hint);
        }
        return node;
    }

    /** The body as a JSON object, or an empty one when there is no body (for actions that take no fields). */
    static JsonNode objectOrEmpty(Context ctx, String hint) {
        JsonNode node = read(ctx, hint);
        return node == null ? JSON.createObjectNode() : node;
    }

    /** Null for an empty body. */
    private static JsonNode read(Context ctx, String hint) {
        int length = ctx.contentLength();
        if (length > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        if (bytes.length == 0) {
            return null;
        }
        if (!isJson(ctx.contentType())) {
            throw new HttpError(415, "send the body as JSON with 'Content-Type: application/json'");
        }
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new HttpError(400, "body must be JSON: " + hint);
        } catch (java.io.IOException e) {
            throw new HttpError(400, "body must be JSON: " + hint);
        }
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (!node.isObject()) {
            throw new HttpError(400, "body must be a JSON object: " + hint);
        }
        return node;
    }

    private static HttpError tooLarge() {
        return new HttpError(413, "body is too large (max " + MAX_BYTES / 1024 + " KB)");
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.equals("application/json");
    }

    /** A string field, or null when absent; anything else present is refused with {@code what}. */
    static String optionalString(JsonNode body, String name, String what) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new HttpError(400, what);
        }
        return v.asText();
    }
}

package supportbot.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Removes a secret from records that already hold it: every string of a stored record goes through a redacting
 * function, whatever field it is in (user line, ticket description, event, outbox text), so a record type that
 * gains a field is covered too. And, because MapDB does not clear the space a replaced or removed record
 * leaves behind, the caller re-keys the conversation: the sealed older copies there can no longer be opened.
 */
public final class StoreScrub {
    private static final ObjectMapper TREE = new ObjectMapper();

    private StoreScrub() {
    }

    /** The conversation as stored, with every string redacted (for the caches that hold decoded state). */
    public static StoredConversation redacted(StoredConversation c, UnaryOperator<String> redact) {
        byte[] before = StoreCodec.encode(c);
        byte[] after = rewrite(before, redact);
        return after == null ? c : StoreCodec.decode(after, StoredConversation.class);
    }

    /** The record with every string redacted; null when nothing changed. */
    static byte[] rewrite(byte[] json, UnaryOperator<String> redact) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode root = TREE.readTree(json);
            JsonNode changed = rewrite(root, redact);
            return changed == null ? null : TREE.writeValueAsBytes(changed);
        } catch (IOException e) {
            throw new UncheckedIOException("stored value is unreadable", e);
        }
    }

    /** null when unchanged; else the node to use (text nodes are immutable, containers are changed in place). */
    private static JsonNode rewrite(JsonNode node, UnaryOperator<String> redact) {
        if (node.isTextual()) {
            String s = node.textValue();
            String r = redact.apply(s);
            return r.equals(s) ? null : TextNode.valueOf(r);
        }
        boolean changed = false;
        if (node instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                JsonNode r = rewrite(e.getValue(), redact);
                if (r != null) {
                    e.setValue(r);
                    changed = true;
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode r = rewrite(a.get(i), redact);
                if (r != null) {
                    a.set(i, r);
                    changed = true;
                }
            }
        }
        return changed ? node : null;
    }
}

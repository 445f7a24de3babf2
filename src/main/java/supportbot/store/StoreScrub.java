package supportbot.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Removes a secret from records that already hold it: every string of a stored record goes through a redacting
 * function, whatever field it is in (user line, ticket description, event, outbox text), so a record type that
 * gains a field is covered too. And, because MapDB does not clear the space a replaced or removed record
 * leaves behind, copies of the secret in that free space are overwritten in the file itself.
 */
public final class StoreScrub {
    /** Where, in a buffer of raw file bytes, copies of the secret are. */
    public interface LeftoverFinder {
        /** @return [start, end) byte ranges within buf[0, length) */
        List<int[]> spans(byte[] buf, int length);
    }

    private static final ObjectMapper TREE = new ObjectMapper();
    private static final int CHUNK = 1 << 20;
    /** Longer than any copy: one found across a chunk boundary is whole in the next chunk. */
    private static final int OVERLAP = 8192;

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

    /** Rewrites every value of map in place; returns how many changed. */
    static <K> int rewriteAll(Map<K, byte[]> map, UnaryOperator<String> redact, java.util.function.Predicate<K> keys) {
        var ks = new java.util.ArrayList<K>();
        for (K k : map.keySet()) {
            if (keys.test(k)) {
                ks.add(k);
            }
        }
        int n = 0;
        for (K k : ks) {
            byte[] after = rewrite(map.get(k), redact);
            if (after != null) {
                map.put(k, after);
                n++;
            }
        }
        return n;
    }

    /**
     * Overwrites with '*' every copy the finder sees in the file. Run it only after the live records were
     * redacted and committed: what it finds then is free space (or, if a live string was missed, part of a
     * string, which stars keep valid JSON), and nothing else touches the file between commits.
     *
     * @return how many copies were overwritten
     */
    static int shred(Path file, LeftoverFinder finder) {
        int copies = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            byte[] buf = new byte[CHUNK + OVERLAP];
            for (long at = 0; at < size; at += CHUNK) {
                int len = (int) Math.min(buf.length, size - at);
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, len);
                while (bb.hasRemaining() && ch.read(bb, at + bb.position()) >= 0) {
                    // read the whole chunk
                }
                for (int[] s : finder.spans(buf, len)) {
                    byte[] stars = new byte[s[1] - s[0]];
                    Arrays.fill(stars, (byte) '*');
                    ch.write(ByteBuffer.wrap(stars), at + s[0]);
                    copies++;
                }
            }
            ch.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot overwrite leftovers in " + file, e);
        }
        return copies;
    }
}

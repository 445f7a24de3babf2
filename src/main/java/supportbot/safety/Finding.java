package supportbot.safety;

/**
 * One secret found in a text.
 *
 * @param kind  what was found
 * @param start char offset of its first char in the scanned text
 * @param end   char offset just past its last char (exclusive)
 */
public record Finding(SecretKind kind, int start, int end) {
    public Finding {
        if (kind == null) {
            throw new IllegalArgumentException("kind is null");
        }
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }
}

package supportbot.dialogue;

/**
 * A file the user sent; {@code ref} is where the connector stored it (path or platform file id).
 *
 * @param fileKey the key the file is sealed with (base64); it lives only in records the store seals under the
 *                conversation's key. Null for a file stored plain by an older version.
 */
public record Attachment(String ref, String fileName, String contentType, long size, String fileKey) {
    public Attachment(String ref, String fileName, String contentType, long size) {
        this(ref, fileName, contentType, size, null);
    }

    @Override
    public String toString() {
        // Records print every field; the file's key must not reach a log.
        return "Attachment[ref=" + ref + ", fileName=" + fileName + ", contentType=" + contentType + ", size=" + size + "]";
    }
}

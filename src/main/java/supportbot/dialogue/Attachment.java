package supportbot.dialogue;

/** A file the user sent; {@code ref} is where the connector stored it (path or platform file id). */
public record Attachment(String ref, String fileName, String contentType, long size) {
}

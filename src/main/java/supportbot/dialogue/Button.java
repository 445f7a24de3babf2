package supportbot.dialogue;

/** A button under a bot message; pressing it comes back as {@link Inbound#button()} = payload. */
public record Button(String label, String payload) {
}

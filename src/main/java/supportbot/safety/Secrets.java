package supportbot.safety;

/** The bot's one secret detector, for code that only needs "cut secrets out of this text". */
public final class Secrets {
    private Secrets() {
    }

    /** The text with every secret replaced by {@link SecretDetector#REDACTION}; the same text when there was none. */
    public static String redact(String text) {
        return text == null || text.isEmpty() ? text : SecretDetector.standard().redact(text);
    }

    public static boolean contain(String text) {
        return text != null && !text.isEmpty() && SecretDetector.standard().containsSecret(text);
    }
}

package supportbot.safety;

import java.util.function.UnaryOperator;

/**
 * File names and button payloads without the secret a user may have put in them. Such a string has no
 * sentences around a phrase, so its pieces (between {@code _ - . : /} and spaces) are also read as lines: a
 * 12-character Chinese phrase in "…_backup.png" or "faq:…" stands alone just as it would on its own line.
 */
public final class Fragments {
    private Fragments() {
    }

    /**
     * @param redact returns its argument itself when there is no secret in it
     * @return name itself when it holds no secret; else the name with the secret cut out, or, when only the
     *         piece-by-piece reading found it, {@link SecretDetector#REDACTION} and the extension (a file name's,
     *         up to 5 chars after the last dot)
     */
    public static String withoutSecret(String name, UnaryOperator<String> redact) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        String cut = redact.apply(name);
        if (!cut.equals(name)) {
            return cut;
        }
        String pieces = name.replaceAll("[_.:/\\-\\s]", "\n");
        if (redact.apply(pieces).equals(pieces)) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 6 ? name.substring(dot) : "";
        return SecretDetector.REDACTION + ext;
    }

    /** {@link #withoutSecret(String, UnaryOperator)} with the bot's detector. */
    public static String withoutSecret(String name) {
        return withoutSecret(name, Secrets::redact);
    }
}

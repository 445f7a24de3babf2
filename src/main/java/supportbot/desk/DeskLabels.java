package supportbot.desk;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a ticket label may be: a short word or two agents filter by, the same however it was typed. */
final class DeskLabels {
    private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,31}");

    private DeskLabels() {
    }

    /** The label as kept (lowercase, trimmed), or a 400 naming what is wrong. */
    static String check(String label) {
        String kept = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        if (!LABEL.matcher(kept).matches()) {
            throw new DeskException(400, "label '" + (label == null ? "" : label.strip())
                    + "' must be 1 to 32 letters, digits, '-' or '_', starting with a letter or digit");
        }
        return kept;
    }
}

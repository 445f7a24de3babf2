package supportbot.dialogue.details;

import java.util.Map;
import java.util.Objects;

/**
 * Either a value, or a hint telling the user what to fix. A hint is a template key in
 * {@code config/messages/details.<lang>.yaml} (see {@link HintKeys}) plus the values of its placeholders.
 */
public record ParseResult(DetailValue value, String hintKey, Map<String, String> hintArgs) {
    public ParseResult {
        if ((value == null) == (hintKey == null)) {
            throw new IllegalArgumentException("exactly one of value and hintKey must be set");
        }
        hintArgs = hintArgs == null ? Map.of() : Map.copyOf(hintArgs);
    }

    public static ParseResult ok(DetailValue v) {
        return new ParseResult(Objects.requireNonNull(v, "value"), null, Map.of());
    }

    public static ParseResult hint(String key, Map<String, String> args) {
        return new ParseResult(null, Objects.requireNonNull(key, "hintKey"), args);
    }

    static ParseResult hint(String key) {
        return hint(key, Map.of());
    }

    public boolean ok() {
        return value != null;
    }
}

package supportbot.dialogue.details;

import java.util.Objects;

/**
 * A collected detail.
 *
 * @param value   normalized, as stored and shown to agents: "2026-11-24T15:00+08:00", "iPhone 15 / iOS 17.2",
 *                "USDT", "TRON", "100 USDT", a lower-case hash
 * @param display short text in the user's language for confirmations, e.g. "昨天 15:00 (2026-11-24 15:00 +08:00)"
 */
public record DetailValue(DetailType type, String value, String display) {
    public DetailValue {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(display, "display");
    }
}

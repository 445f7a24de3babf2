package supportbot.dialogue.details;

import java.util.Locale;
import java.util.Optional;

/** A detail a support agent may need. {@link #key()} is the stable name used in config and message files. */
public enum DetailType {
    ACCOUNT, DESCRIPTION, TIME, DEVICE, APP_VERSION, TX_HASH, CHAIN, COIN, AMOUNT, ADDRESS, SCREENSHOT;

    private final String key = name().toLowerCase(Locale.ROOT);

    public String key() {
        return key;
    }

    public static Optional<DetailType> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (DetailType t : values()) {
            if (t.key.equals(k)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}

package supportbot.safety;

import java.time.Duration;
import supportbot.config.AppConfig;
import supportbot.config.ConfigException;

/**
 * Builds the inbound guard's settings from the configuration. It lives in {@code safety}, not in {@code config},
 * so that the configuration stays a low package that knows no safety types (no config ↔ safety cycle).
 */
public final class GuardSettings {
    private GuardSettings() {
    }

    /** Checks the {@code safety} section (retention included) and returns the guard's settings. */
    public static InboundGuard.Settings of(AppConfig.Safety safety) {
        Integer maxMessageChars = safety.maxMessageChars();
        Integer floodMessages = safety.floodMessages();
        Integer floodSeconds = safety.floodSeconds();
        Integer retentionDays = safety.retentionDays();
        if (maxMessageChars == null || maxMessageChars < 100) {
            throw new ConfigException("safety.maxMessageChars: at least 100, not " + maxMessageChars);
        }
        if (floodMessages == null || floodMessages < 1 || floodSeconds == null || floodSeconds < 1) {
            throw new ConfigException("safety.floodMessages and safety.floodSeconds: at least 1");
        }
        if (retentionDays == null || retentionDays < 0) {
            throw new ConfigException("safety.retentionDays: 0 (keep forever) or more days, not " + retentionDays);
        }
        return new InboundGuard.Settings(maxMessageChars, floodMessages, Duration.ofSeconds(floodSeconds));
    }
}

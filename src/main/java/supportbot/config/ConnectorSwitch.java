package supportbot.config;

import java.util.Map;
import java.util.Optional;

/** Whether a chat connector runs: "auto" when its token is in the environment, "on" (token required) or "off". */
public final class ConnectorSwitch {
    private ConnectorSwitch() {
    }

    /**
     * @param key        the config key, e.g. "telegram.enabled", for error messages
     * @param howToGetOne where an operator gets a token, for the error when "on" has none
     * @return the token when the connector should run
     */
    public static Optional<String> token(String key, String enabled, Map<String, String> env, String tokenEnv,
                                         String howToGetOne) {
        String mode = enabled == null ? "auto" : enabled;
        String token = env.get(tokenEnv);
        boolean hasToken = token != null && !token.isBlank();
        return switch (mode) {
            case "off" -> Optional.empty();
            case "auto" -> hasToken ? Optional.of(token.strip()) : Optional.empty();
            case "on" -> {
                if (!hasToken) {
                    throw new ConfigException(key + " is 'on' but " + tokenEnv + " is not set; " + howToGetOne);
                }
                yield Optional.of(token.strip());
            }
            default -> throw new ConfigException(key + ": 'auto', 'on' or 'off', not '" + mode + "'");
        };
    }
}

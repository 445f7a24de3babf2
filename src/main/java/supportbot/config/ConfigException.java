package supportbot.config;

/** A configuration problem, worded for the operator: which file, line and key, and what is expected. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConfigException(String message) {
        super(message);
    }
}

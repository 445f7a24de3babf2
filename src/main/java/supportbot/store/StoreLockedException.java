package supportbot.store;

/** Another process holds the data directory: two bots on one store would corrupt it. */
public class StoreLockedException extends RuntimeException {
    public StoreLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}

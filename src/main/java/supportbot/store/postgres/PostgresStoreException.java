package supportbot.store.postgres;

/** A database error, with what the store was doing; the SQL state and message of the cause are kept. */
public final class PostgresStoreException extends RuntimeException implements supportbot.store.StoreFailure {
    PostgresStoreException(String what, Throwable cause) {
        super(what + ": " + cause.getMessage(), cause);
    }

    public PostgresStoreException(String message) {
        super(message);
    }
}

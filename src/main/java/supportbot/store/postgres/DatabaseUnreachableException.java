package supportbot.store.postgres;

/** The database did not answer or refused us; the message names host and port, never the password. */
public final class DatabaseUnreachableException extends RuntimeException implements supportbot.store.StoreFailure {
    private DatabaseUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    static DatabaseUnreachableException of(PostgresSettings settings, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (settings.password() != null && !settings.password().isEmpty()) {
            why = why.replace(settings.password(), "***");
        }
        return new DatabaseUnreachableException("cannot reach the PostgreSQL store at "
                + PostgresBackend.hostAndPort(settings.url()) + " (" + PostgresSettings.withoutSecrets(settings.url())
                + "): " + why, e);
    }
}

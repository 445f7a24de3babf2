package supportbot.store.postgres;

/** The database schema was made by a newer build: an older bot writing into it could lose what that one keeps. */
public final class SchemaTooNewException extends RuntimeException {
    SchemaTooNewException(String message) {
        super(message);
    }
}

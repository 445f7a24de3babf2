package supportbot.store.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A connection of its own, outside the pool: a session-level advisory lock and a LISTEN belong to one session
 * for as long as it lives, which a pool (that lends connections out and may replace them) cannot promise.
 */
final class DedicatedConnection {
    private DedicatedConnection() {
    }

    /**
     * @param purpose shown in {@code pg_stat_activity.application_name}, so operators (and tests) can tell these
     *                sessions apart
     */
    static Connection open(PostgresSettings settings, String purpose, int socketTimeoutSeconds) throws SQLException {
        var props = new Properties();
        if (settings.user() != null) {
            props.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            props.setProperty("password", settings.password());
        }
        props.setProperty("ApplicationName", purpose.length() > 63 ? purpose.substring(0, 63) : purpose);
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "5");
        props.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds));
        props.setProperty("tcpKeepAlive", "true");
        if (settings.schema() != null) {
            props.setProperty("currentSchema", settings.schema());
        }
        Connection c = DriverManager.getConnection(settings.url(), props);
        c.setAutoCommit(true);
        return c;
    }

    /**
     * Locks and notification channels are per database; prefixed with the schema (the settings' or the url's
     * {@code currentSchema}), two bots or two test runs in one database stay apart.
     */
    static final String SCOPED_NAME = "'support-bot/' || coalesce(current_schema(), 'public') || '/' || ?";
}

package supportbot.store.postgres;

/**
 * How to reach the database.
 *
 * @param url      jdbc:postgresql://host:port/database
 * @param user     from SUPPORT_BOT_DB_USER; never from a file in the repository
 * @param password from SUPPORT_BOT_DB_PASSWORD; never logged or shown
 * @param poolSize connections per instance
 * @param schema   the schema to keep the tables in; null for the connection's default (public)
 */
public record PostgresSettings(String url, String user, String password, int poolSize, String schema) {
    public static final String USER_ENV = "SUPPORT_BOT_DB_USER";
    public static final String PASSWORD_ENV = "SUPPORT_BOT_DB_PASSWORD";

    public PostgresSettings {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("store.url must look like jdbc:postgresql://host:5432/database, not "
                    + (url == null ? "nothing" : "'" + withoutSecrets(url) + "'"));
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("store.pool-size must be at least 1");
        }
    }

    /** Credentials from the environment, as the operator guide says. */
    public static PostgresSettings fromEnvironment(String url, int poolSize) {
        return new PostgresSettings(url, System.getenv(USER_ENV), System.getenv(PASSWORD_ENV), poolSize, null);
    }

    public PostgresSettings inSchema(String schemaName) {
        return new PostgresSettings(url, user, password, poolSize, schemaName);
    }

    /** The url without its query (where a password could have been put), for messages. */
    public String where() {
        return withoutSecrets(url) + (schema == null ? "" : " (schema " + schema + ")");
    }

    static String withoutSecrets(String url) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        return base.replaceAll("//[^/@]*@", "//"); // user:password@host
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + where() + ", user=" + user + ", pool=" + poolSize + "]";
    }
}

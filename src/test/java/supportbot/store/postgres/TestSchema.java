package supportbot.store.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import supportbot.store.contract.Backends;

/** A schema of the test's own on the test server, dropped on close; and a way to kill other sessions. */
public final class TestSchema implements AutoCloseable {
    public final String name;
    public final PostgresSettings settings;

    private TestSchema(String name) {
        this.name = name;
        this.settings = Backends.settings(name);
    }

    /** Skips the test without a server. */
    public static TestSchema create(String prefix) {
        Backends.assumePostgres();
        return make(prefix);
    }

    /** For a harness outside JUnit: fails without a server. */
    public static TestSchema make(String prefix) {
        var schema = new TestSchema(prefix + "_" + UUID.randomUUID().toString().replace("-", ""));
        schema.run("create schema " + schema.name);
        return schema;
    }

    /** A url whose sessions use this schema, for a bot's configuration. */
    public String url() {
        return Backends.URL + "?user=" + settings.user() + "&currentSchema=" + name;
    }

    /** This schema's settings with the pool's sessions named {@code applicationName}, for {@link #terminate}. */
    public PostgresSettings named(String applicationName, int poolSize) {
        String url = settings.url() + (settings.url().contains("?") ? "&" : "?") + "ApplicationName=" + applicationName;
        return new PostgresSettings(url, settings.user(), settings.password(), poolSize, settings.schema());
    }

    /**
     * Ends the sessions whose application name is {@code applicationName} as an operator (or a crash of their
     * network) would: {@code pg_terminate_backend}.
     *
     * @return how many were ended
     */
    public static int terminate(String applicationName) {
        try (Connection c = connect(); var st = c.prepareStatement(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")) {
            st.setString(1, applicationName);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void run(String sql) {
        try (Connection c = connect(); var st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Connection connect() throws SQLException {
        var s = Backends.settings(null);
        return DriverManager.getConnection(s.url(), s.user(), s.password());
    }

    @Override
    public void close() {
        run("drop schema if exists " + name + " cascade");
    }
}

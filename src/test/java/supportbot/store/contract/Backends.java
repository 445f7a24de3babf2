package supportbot.store.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import supportbot.store.StoreBackend;
import supportbot.store.mapdb.MapDbBackend;
import supportbot.store.postgres.PostgresBackend;
import supportbot.store.postgres.PostgresSettings;

/**
 * The adapters every contract test runs against: MapDB in a temporary directory, and PostgreSQL in a fresh
 * schema of its own (dropped after). Without a PostgreSQL server the PostgreSQL runs are skipped, saying why.
 */
public final class Backends {
    /** Where the test database is; the default is the one .ci/run starts (trust auth for user postgres). */
    public static final String URL = System.getenv().getOrDefault("SUPPORT_BOT_TEST_DB_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static Boolean reachable;

    private Backends() {
    }

    public static Stream<String> kinds() {
        return Stream.of("mapdb", "postgres");
    }

    /** A backend of that kind, empty, and how to throw it away. */
    public static Opened open(String kind) {
        return switch (kind) {
            case "mapdb" -> {
                Path dir = tempDir();
                yield new Opened(MapDbBackend.open(dir), () -> deleteTree(dir), () -> MapDbBackend.open(dir));
            }
            case "postgres" -> {
                assumePostgres();
                PostgresSettings settings = settings("store_test_" + UUID.randomUUID().toString().replace("-", ""));
                PostgresBackend backend = PostgresBackend.open(settings);
                yield new Opened(backend, () -> dropSchema(settings), () -> PostgresBackend.open(settings));
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Settings for the test server, in {@code schema}. */
    public static PostgresSettings settings(String schema) {
        String user = System.getenv().getOrDefault(PostgresSettings.USER_ENV, "postgres");
        return new PostgresSettings(URL, user, System.getenv(PostgresSettings.PASSWORD_ENV), 4, schema);
    }

    public static synchronized void assumePostgres() {
        if (reachable == null) {
            var p = org.postgresql.Driver.parseURL(URL, null);
            String host = p.getProperty("PGHOST", "127.0.0.1");
            int port = Integer.parseInt(p.getProperty("PGPORT", "5432"));
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 2_000);
                reachable = true;
            } catch (IOException e) {
                reachable = false;
            }
        }
        Assumptions.assumeTrue(reachable, "no PostgreSQL listens at " + URL
                + " (.ci/run starts one; or set SUPPORT_BOT_TEST_DB_URL)");
    }

    /** An open backend; {@link #reopen} opens the same data again after {@link #close()}-ing this one. */
    public record Opened(StoreBackend backend, Runnable discard, java.util.function.Supplier<StoreBackend> reopen)
            implements AutoCloseable {
        @Override
        public void close() {
            try {
                backend.close();
            } finally {
                discard.run();
            }
        }
    }

    /** Plain JDBC: opening a backend to drop its schema would run the migrations first. */
    static void dropSchema(PostgresSettings settings) {
        try (var c = java.sql.DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             var st = c.createStatement()) {
            st.execute("drop schema if exists " + settings.schema() + " cascade");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not drop test schema " + settings.schema(), e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("store-contract");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package supportbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.config.ConfigException;
import supportbot.config.ConfigLoader;
import supportbot.store.contract.Backends;
import supportbot.store.postgres.DatabaseUnreachableException;
import supportbot.store.postgres.PostgresBackend;
import supportbot.store.postgres.PostgresSettings;
import supportbot.store.postgres.SchemaTooNewException;

/** store.kind picks the adapter; what an operator can fix fails in one line that names it. */
class StoreFactoryTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultIsTheEmbeddedFileInTheDataDirectory() throws Exception {
        Path file = Files.writeString(dir.resolve("app.yaml"), "data:\n  dir: " + dir.resolve("data") + "\n");
        var config = new ConfigLoader().load(file);
        assertEquals("mapdb", config.storeConfig().checkedKind());
        try (var store = StoreFactory.open(config)) {
            assertEquals(dir.resolve("data").resolve("support-bot.db"), store.file());
        }
    }

    @Test
    void postgresWithoutAUrlIsRefusedByName() throws Exception {
        Path file = Files.writeString(dir.resolve("app.yaml"), "store:\n  kind: postgres\n");
        var config = new ConfigLoader().load(file);
        var e = assertThrows(ConfigException.class, () -> StoreFactory.open(config));
        assertTrue(e.getMessage().startsWith("store.url:"), e.getMessage());
        Path other = Files.writeString(dir.resolve("other.yaml"), "store:\n  kind: oracle\n");
        var kind = assertThrows(ConfigException.class, () -> StoreFactory.open(new ConfigLoader().load(other)));
        assertEquals("store.kind: mapdb or postgres, not 'oracle'", kind.getMessage());
    }

    @Test
    void anElectionIntervalOutOfRangeIsRefusedByName() throws Exception {
        Path file = Files.writeString(dir.resolve("app.yaml"), "store:\n  kind: postgres\n"
                + "  url: jdbc:postgresql://127.0.0.1:1/bot\n  electionCheckMillis: 5\n");
        var e = assertThrows(ConfigException.class, () -> StoreFactory.openShared(new ConfigLoader().load(file), "x"));
        assertEquals("store.electionCheckMillis: between 100 and 60000, not 5", e.getMessage());
    }

    @Test
    void theEmbeddedFileIsOneProcessThatHoldsEveryRoleAtOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("app.yaml"), "data:\n  dir: " + dir.resolve("data") + "\n");
        var shared = StoreFactory.openShared(new ConfigLoader().load(file), "only");
        var started = new java.util.concurrent.atomic.AtomicBoolean();
        var stopped = new java.util.concurrent.atomic.AtomicBoolean();
        try (var store = shared.store()) {
            var role = shared.leadership().hold("telegram-poller", lease -> {
                started.set(lease.confirm());
                return () -> stopped.set(true);
            });
            assertTrue(role.held() && started.get(), "started before hold returned, as without elections");
            shared.leadership().close();
            assertTrue(stopped.get());
            role.release();
            shared.broadcast().close();
        }
    }

    @Test
    void anUnreachableDatabaseIsNamedWithoutThePassword() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort(); // free once closed: nothing listens there
        }
        var settings = new PostgresSettings("jdbc:postgresql://127.0.0.1:" + closedPort + "/bot", "bot",
                "hunter2-secret", 2, null);
        var e = assertThrows(DatabaseUnreachableException.class, () -> PostgresBackend.open(settings));
        assertTrue(e.getMessage().startsWith("cannot reach the PostgreSQL store at 127.0.0.1:" + closedPort),
                e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void aSchemaANewerBuildMadeIsRefused() throws Exception {
        Backends.assumePostgres();
        String schema = "store_test_newer_" + System.nanoTime();
        PostgresSettings settings = Backends.settings(schema);
        try {
            PostgresBackend.open(settings).close(); // every version this build knows
            try (var c = java.sql.DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                 var st = c.createStatement()) {
                st.execute("insert into " + schema + ".flyway_schema_history (installed_rank, version, description, "
                        + "type, script, checksum, installed_by, execution_time, success) values (99, '99', 'from the "
                        + "future', 'SQL', 'V99__from_the_future.sql', 0, 'test', 1, true)");
            }
            var e = assertThrows(SchemaTooNewException.class, () -> PostgresBackend.open(settings));
            assertTrue(e.getMessage().matches("the database schema is version 99, this build knows up to [1-9][0-9]?; "
                    + "upgrade the bot"), e.getMessage());
        } finally {
            try (var c = java.sql.DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                 var st = c.createStatement()) {
                st.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }
}

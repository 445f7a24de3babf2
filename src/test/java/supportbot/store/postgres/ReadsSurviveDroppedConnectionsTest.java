package supportbot.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * The database ends every connection of the pool between two reads (an operator's {@code pg_terminate_backend},
 * a failover). The multi-instance crash bench caught an instance that was starting at that moment: its first read
 * failed and the process exited. A read outside a transaction now runs again on a fresh connection.
 */
class ReadsSurviveDroppedConnectionsTest {
    @Test
    void aReadAfterEveryPooledConnectionWasEndedIsAnswered() throws Exception {
        try (var schema = TestSchema.create("reads_drop")) {
            String app = "reads-drop-" + System.nanoTime();
            var settings = schema.named(app, 3);
            try (Store store = Store.over(PostgresBackend.open(settings));
                 GroupCommitter committer = new GroupCommitter(store)) {
                committer.submit(tx -> tx.setCounter("tickets", 41)).get(10, TimeUnit.SECONDS);
                // Borrow every pooled connection at once so that each is open when the server ends them.
                var readers = new Thread[3];
                for (int i = 0; i < readers.length; i++) {
                    readers[i] = new Thread(() -> store.counter("tickets"));
                    readers[i].start();
                }
                for (Thread t : readers) {
                    t.join(10_000);
                }
                assertTrue(TestSchema.terminate(app) > 0, "no session of the store's pool was ended");

                assertEquals(41, store.counter("tickets"), "the read failed instead of running on a fresh connection");
                committer.submit(tx -> tx.setCounter("tickets", 42)).get(20, TimeUnit.SECONDS);
                assertEquals(42, store.counter("tickets"));
            }
        }
    }

    @Test
    void onlyLostConnectionsCountAsLost() {
        assertTrue(Jdbc.connectionLost(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(Jdbc.connectionLost(new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertFalse(Jdbc.connectionLost(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(Jdbc.connectionLost(new SQLException("syntax error", "42601")));
        assertFalse(Jdbc.connectionLost(new IllegalStateException("not SQL")));
    }
}

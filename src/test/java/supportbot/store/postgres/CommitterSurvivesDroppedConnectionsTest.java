package supportbot.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;
import supportbot.store.contract.Backends;

/**
 * The database drops every connection while a group commit is open (an operator's {@code pg_terminate_backend},
 * a failover, a network cut): the commit and its rollback both fail. The committer must refuse that write set
 * (or retry it whole on a fresh connection) and go on committing the next ones on fresh connections; before, its thread died on
 * the failed rollback and the instance never committed again.
 */
class CommitterSurvivesDroppedConnectionsTest {
    @Test
    void theCommitterGoesOnAfterTheDatabaseDropsItsConnections() throws Exception {
        try (var schema = TestSchema.create("committer_drop")) {
            String app = "committer-drop-" + System.nanoTime();
            var settings = schema.named(app, 2);
            try (Store store = Store.over(PostgresBackend.open(settings));
                 GroupCommitter committer = new GroupCommitter(store)) {
                committer.submit(tx -> tx.setCounter("before", 1)).get(10, TimeUnit.SECONDS);

                var insideTransaction = new CountDownLatch(1);
                var connectionsDropped = new CountDownLatch(1);
                var dropped = committer.submit(tx -> {
                    tx.setCounter("during", 2);
                    insideTransaction.countDown();
                    await(connectionsDropped);
                    tx.setCounter("during-second", 2); // on the dropped connection: fails, and so does the rollback
                });
                assertTrue(insideTransaction.await(10, TimeUnit.SECONDS), "the write set never started");
                assertTrue(TestSchema.terminate(app) > 0, "no session of the store's pool was ended");
                connectionsDropped.countDown();

                // Retried alone on a fresh connection it may commit; what it may not do is half-commit or hang.
                boolean acknowledged;
                try {
                    dropped.get(20, TimeUnit.SECONDS);
                    acknowledged = true;
                } catch (ExecutionException e) {
                    acknowledged = false;
                }
                long expected = acknowledged ? 2 : 0;
                assertEquals(expected, store.counter("during"));
                assertEquals(expected, store.counter("during-second"));

                committer.submit(tx -> tx.setCounter("after", 3)).get(20, TimeUnit.SECONDS);
                assertEquals(1, store.counter("before"));
                assertEquals(3, store.counter("after"), "the committer stopped committing after the drop");
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the connections were never dropped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

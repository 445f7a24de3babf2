package supportbot.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import supportbot.store.postgres.PostgresBackend;
import supportbot.store.postgres.PostgresSettings;

/**
 * Two instances on one database: a turn's transaction locks its conversation, so the other instance's turn on
 * the same conversation waits for the commit, while its turns on other conversations go ahead.
 */
class ConversationLockTest {
    /** The sentinel: PostgreSQL itself lists a session waiting for an advisory lock. */
    private static boolean someoneWaitsForAnAdvisoryLock(PostgresSettings s) throws Exception {
        try (var c = DriverManager.getConnection(s.url(), s.user(), s.password()); var st = c.createStatement();
             var rs = st.executeQuery("select count(*) from pg_locks where locktype = 'advisory' and not granted")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    @Test
    void aConversationLockedByOneInstanceWaitsInTheOther() throws Exception {
        Backends.assumePostgres();
        PostgresSettings settings = Backends.settings("store_test_lock_" + UUID.randomUUID().toString().replace("-", ""));
        try (var first = PostgresBackend.open(settings); var second = PostgresBackend.open(settings)) {
            first.begin();
            first.lockConversation("web:a");
            first.conversations().put("web:a", new byte[] {'1'});

            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
                second.begin();
                second.lockConversation("web:b");
                second.conversations().put("web:b", new byte[] {'2'});
                second.commit();
            });
            other.get(30, TimeUnit.SECONDS); // another conversation is not held up

            CompletableFuture<byte[]> same = CompletableFuture.supplyAsync(() -> {
                second.begin();
                second.lockConversation("web:a");
                byte[] seen = second.conversations().get("web:a").orElseThrow();
                second.conversations().put("web:a", new byte[] {seen[0], '2'});
                second.commit();
                return seen;
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!someoneWaitsForAnAdvisoryLock(settings)) {
                assertTrue(System.nanoTime() < deadline, "the second instance never waited for the lock");
                assertFalse(same.isDone(), "the second instance ran the conversation's turn during the first one's");
                Thread.onSpinWait();
            }
            assertFalse(same.isDone());
            first.commit();
            assertEquals('1', same.get(30, TimeUnit.SECONDS)[0], "it saw the first turn's commit");
            assertEquals("12", new String(first.conversations().get("web:a").orElseThrow()));
        } finally {
            Backends.dropSchema(settings);
        }
    }
}

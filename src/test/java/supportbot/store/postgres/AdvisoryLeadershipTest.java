package supportbot.store.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import supportbot.cluster.Leadership;

/** Two instances' elections on one schema, each on a session of its own, as two processes would have. */
class AdvisoryLeadershipTest {
    private static final Duration CHECK = Duration.ofMillis(200);
    private static final long WAIT_S = 15;

    private TestSchema schema;
    private final String a = "a-" + UUID.randomUUID();
    private final String b = "b-" + UUID.randomUUID();
    private AdvisoryLeadership first;
    private AdvisoryLeadership second;

    /** What one instance's duty went through. */
    static final class Duty implements Leadership.Duty {
        final CompletableFuture<Void> started = new CompletableFuture<>();
        final CompletableFuture<Void> stopped = new CompletableFuture<>();
        final AtomicInteger starts = new AtomicInteger();
        final AtomicReference<Leadership.Lease> lease = new AtomicReference<>();

        @Override
        public AutoCloseable start(Leadership.Lease l) {
            starts.incrementAndGet();
            lease.set(l);
            started.complete(null);
            return () -> stopped.complete(null);
        }
    }

    @BeforeEach
    void schema() {
        schema = TestSchema.create("leadership");
        first = new AdvisoryLeadership(schema.settings, a, CHECK, Duration.ofSeconds(2));
        second = new AdvisoryLeadership(schema.settings, b, CHECK, Duration.ofSeconds(2));
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
        schema.close();
    }

    @Test
    void oneInstanceHoldsTheRoleAndAnotherTakesOverWhenItsSessionIsKilled() throws Exception {
        var duty1 = new Duty();
        var duty2 = new Duty();
        var role1 = first.hold("telegram-poller", duty1);
        var role2 = second.hold("telegram-poller", duty2);
        assertTrue(role1.held() && duty1.started.isDone(), "the first to try wins at once");
        assertFalse(role2.held() || duty2.started.isDone(), "the lock is taken: the second waits");
        assertTrue(duty1.lease.get().confirm());

        assertEquals(1, TestSchema.terminate(AdvisoryLeadership.sessionName(a)), "the holder's session ended");

        duty1.stopped.get(WAIT_S, TimeUnit.SECONDS); // fenced: it noticed its session is gone
        duty2.started.get(WAIT_S, TimeUnit.SECONDS);
        awaitHeld(role2);
        assertFalse(duty1.lease.get().confirm(), "the old term stays over");
        assertFalse(role1.held(), "the old holder cannot win back a role the other holds");
        assertEquals(1, duty1.starts.get());
        assertEquals(1, role2.terms());
    }

    /** The duty has started; the role counts as held once its start returned. */
    private static void awaitHeld(Leadership.Role role) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (!role.held() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(role.held(), role.name() + " held");
    }

    @Test
    void theHolderStopsAtItsNextStepOnceItsSessionIsGone() throws Exception {
        var duty1 = new Duty();
        first.hold("discord-gateway", duty1);
        TestSchema.terminate(AdvisoryLeadership.sessionName(a));
        // Before its next poll a duty asks; the answer comes from the database, not from the last periodic check.
        assertFalse(duty1.lease.get().confirm());
        duty1.stopped.get(WAIT_S, TimeUnit.SECONDS);
    }

    @Test
    void releasingHandsTheRoleOver() throws Exception {
        var duty1 = new Duty();
        var duty2 = new Duty();
        var role1 = first.hold("discord-gateway", duty1);
        second.hold("discord-gateway", duty2);
        role1.release();
        assertTrue(duty1.stopped.isDone(), "release returns once the duty stopped");
        duty2.started.get(WAIT_S, TimeUnit.SECONDS);
        assertEquals(1, duty1.starts.get(), "a released role is not competed for again");
    }

    @Test
    void differentRolesAndSchemasAreHeldApart() throws Exception {
        var poller = new Duty();
        var gateway = new Duty();
        assertTrue(first.hold("telegram-poller", poller).held());
        assertTrue(second.hold("discord-gateway", gateway).held(), "another role is free");
        try (var other = TestSchema.create("leadership");
             var elsewhere = new AdvisoryLeadership(other.settings, "c-" + UUID.randomUUID(), CHECK, Duration.ofSeconds(2))) {
            assertTrue(elsewhere.hold("telegram-poller", new Duty()).held(), "another bot's schema has its own roles");
        }
    }

    @Test
    void aDutyThatCannotStartFailsTheCallerAndFreesTheRole() throws Exception {
        var failure = assertThrows(IllegalStateException.class, () -> first.hold("discord-gateway", lease -> {
            throw new IllegalStateException("Discord refused the token");
        }));
        assertEquals("Discord refused the token", failure.getMessage());
        var duty2 = new Duty();
        assertTrue(second.hold("discord-gateway", duty2).held(), "the failed instance let go of the lock");
    }

    @Test
    void aSilenceLimitShorterThanThreeChecksIsRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new AdvisoryLeadership(schema.settings, "x", Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertTrue(e.getMessage().contains("three checks"), e.getMessage());
    }
}

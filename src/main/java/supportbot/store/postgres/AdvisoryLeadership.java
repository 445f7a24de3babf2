package supportbot.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.cluster.Leadership;

/**
 * Elections among the instances sharing one PostgreSQL database: a role belongs to the instance whose session
 * holds its advisory lock ({@code pg_try_advisory_lock}, session level, on a connection of its own). When that
 * instance dies its session ends and the lock is free; the others try again every {@code checkEvery} and one wins.
 *
 * <p>Fencing: the holder checks its session every {@code checkEvery} (and whenever a duty asks before a step)
 * and stops its duties as soon as the session is gone. The server, told to end the session after
 * {@code silenceLimit} without a word ({@code idle_session_timeout}), frees the lock of an instance that froze
 * or lost the network, later than that instance gives up by itself, so two holders overlap for a moment at most.
 */
public final class AdvisoryLeadership implements Leadership {
    private static final Logger log = LoggerFactory.getLogger(AdvisoryLeadership.class);

    private final PostgresSettings settings;
    private final String instance;
    private final Duration checkEvery;
    private final Duration silenceLimit;
    private final List<ElectedRole> roles = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker;
    /** The session that holds the locks; only under {@code this}. */
    private Connection session;
    private volatile boolean closed;
    private long ticks;
    /** After losing its session an instance lets the others try first for a while: its own link may be the bad one. */
    private long quietUntilNanos = System.nanoTime();

    /**
     * @param instance     this instance's name, shown in {@code pg_stat_activity} as "support-bot leader INSTANCE"
     * @param checkEvery   how often a waiting instance tries to win and a holder checks its session
     * @param silenceLimit after how long without a word the server ends a holder's session; a few checks' worth
     */
    public AdvisoryLeadership(PostgresSettings settings, String instance, Duration checkEvery, Duration silenceLimit) {
        if (silenceLimit.compareTo(checkEvery.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("the silence limit (" + silenceLimit.toMillis()
                    + " ms) must be at least three checks (" + checkEvery.multipliedBy(3).toMillis() + " ms)");
        }
        this.settings = settings;
        this.instance = instance;
        this.checkEvery = checkEvery;
        this.silenceLimit = silenceLimit;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leadership");
            t.setDaemon(true);
            return t;
        });
        // Holders check twice per try of the others, so a holder whose session died usually stops before
        // another instance starts.
        long half = Math.max(1, checkEvery.toMillis() / 2);
        ticker.scheduleWithFixedDelay(this::tick, half, half, TimeUnit.MILLISECONDS);
    }

    /** The name of the sessions that hold roles, as {@code pg_stat_activity.application_name} shows it. */
    public static String sessionName(String instance) {
        return "support-bot leader " + instance;
    }

    @Override
    public Role hold(String name, Duty duty) {
        var role = new ElectedRole(name, duty);
        Future<?> first = null;
        // Added and tried in one step: a check in between would take the lock a second time (advisory locks
        // count), and one unlock would then not free it.
        synchronized (this) {
            roles.add(role);
            if (connected() && tryLock(role)) {
                first = role.begin(true);
            }
        }
        if (first != null) {
            try {
                first.get();
            } catch (ExecutionException e) {
                roles.remove(role);
                role.stopper.shutdownNow();
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(name + " did not start: " + cause.getMessage(), cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting " + name, e);
            }
        } else {
            log.info("{}: another instance holds it; this one ({}) takes over if that one stops", name, instance);
        }
        return role;
    }

    private synchronized void tick() {
        if (closed) {
            return;
        }
        if (!connected() || ticks++ % 2 != 0 || System.nanoTime() - quietUntilNanos < 0) {
            return;
        }
        for (ElectedRole role : roles) {
            if (role.idle() && tryLock(role)) {
                role.begin(false);
            }
        }
    }

    /**
     * True when the session is alive, opening one if there is none. A session found dead ends every term at
     * once: its locks are gone, and another instance may already hold them.
     */
    private synchronized boolean connected() {
        if (session != null) {
            boolean alive;
            try {
                // A killed session fails at once; a slow answer (a busy server) gets a third of the silence limit
                // before this instance gives up a role it may well still hold.
                alive = session.isValid((int) Math.max(1, silenceLimit.toSeconds() / 3));
            } catch (SQLException e) {
                alive = false;
            }
            if (alive) {
                return true;
            }
            log.warn("leadership: the database session of {} ended; stopping {}", instance, heldNames());
            dropSession();
        }
        try {
            session = DedicatedConnection.open(settings, sessionName(instance),
                    (int) Math.max(5, silenceLimit.toSeconds()));
            try (var st = session.createStatement()) {
                st.execute("set idle_session_timeout = " + silenceLimit.toMillis());
            } catch (SQLException e) {
                // Before PostgreSQL 14: the server frees a frozen holder's locks only when TCP gives up on it.
                log.warn("leadership: the server does not end silent sessions ({}); see docs/postgres.md", e.getMessage());
            }
            return true;
        } catch (SQLException e) {
            log.debug("leadership: cannot reach the database: {}", e.getMessage());
            session = null;
            return false;
        }
    }

    private String heldNames() {
        return roles.stream().filter(r -> !r.idle()).map(ElectedRole::name).toList().toString();
    }

    private void dropSession() {
        quietUntilNanos = System.nanoTime() + checkEvery.multipliedBy(3).toNanos();
        for (ElectedRole role : roles) {
            role.end();
        }
        try {
            session.close();
        } catch (SQLException ignored) {
            // already gone
        }
        session = null;
    }

    private boolean tryLock(ElectedRole role) {
        try (PreparedStatement st = session.prepareStatement("select pg_try_advisory_lock(hashtextextended(" + DedicatedConnection.SCOPED_NAME + ", 0))")) {
            st.setString(1, role.name());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            log.warn("leadership: could not try for {}: {}", role.name(), e.getMessage());
            return false;
        }
    }

    private synchronized void unlock(ElectedRole role) {
        if (session == null) {
            return;
        }
        try (PreparedStatement st = session.prepareStatement("select pg_advisory_unlock(hashtextextended(" + DedicatedConnection.SCOPED_NAME + ", 0))")) {
            st.setString(1, role.name());
            st.executeQuery().close();
        } catch (SQLException e) {
            log.debug("leadership: unlocking {}: {}", role.name(), e.getMessage());
        }
    }

    /** For a duty's check before a step: a round trip, so a session killed a moment ago is noticed now. */
    private synchronized boolean stillConnected() {
        if (closed || session == null) {
            return false;
        }
        return connected() && session != null;
    }

    @Override
    public void close() {
        closed = true;
        ticker.shutdownNow();
        List<ElectedRole> all = List.copyOf(roles);
        roles.clear();
        for (ElectedRole role : all) {
            role.end();
            role.stopper.shutdown();
        }
        for (ElectedRole role : all) {
            try {
                role.stopper.awaitTermination(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (session != null) {
                try {
                    session.close(); // frees every lock it held
                } catch (SQLException ignored) {
                    // already gone
                }
                session = null;
            }
        }
    }

    /** One role: its duty runs between {@link #begin} and {@link #end}, both on its own thread, one after the other. */
    private final class ElectedRole implements Role {
        private final String name;
        private final Duty duty;
        /** Starts and stops one at a time, off the ticker, so a slow start (a gateway login) holds up no check. */
        private final ExecutorService stopper;
        private volatile Term term;
        private volatile int terms;

        ElectedRole(String name, Duty duty) {
            this.name = name;
            this.duty = duty;
            this.stopper = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "leadership-" + name);
                t.setDaemon(true);
                return t;
            });
        }

        boolean idle() {
            return term == null;
        }

        /** Called holding the lock; starts the duty on the role's thread. */
        Future<?> begin(boolean firstTry) {
            var t = new Term();
            term = t;
            return stopper.submit(() -> {
                if (!t.valid) {
                    return null; // lost before it started
                }
                try {
                    t.running = duty.start(t);
                    terms++;
                    log.info("{}: this instance ({}) holds it now", name, instance);
                    if (!t.valid) {
                        t.stop(name);
                    }
                } catch (Exception e) {
                    log.error("{}: won the role but the work did not start; giving the role up", name, e);
                    unlock(this); // before the role looks idle, so the next try does not lock on top of this one
                    if (term == t) {
                        term = null;
                    }
                    if (firstTry) {
                        throw e;
                    }
                }
                return null;
            });
        }

        /** The session is gone or the instance is closing: stop the duty (on the role's thread). */
        void end() {
            Term t = term;
            if (t == null) {
                return;
            }
            t.valid = false;
            term = null;
            stopper.execute(() -> t.stop(name));
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean held() {
            Term t = term;
            return t != null && t.valid && t.running != null;
        }

        @Override
        public int terms() {
            return terms;
        }

        @Override
        public void release() {
            if (!roles.remove(this)) {
                return; // released already, or the instance closed
            }
            end();
            stopper.execute(() -> unlock(this));
            stopper.shutdown();
            try {
                stopper.awaitTermination(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One stretch of holding a role. */
    private final class Term implements Lease {
        volatile boolean valid = true;
        volatile AutoCloseable running;

        @Override
        public boolean confirm() {
            if (valid && !stillConnected()) {
                valid = false; // connected() has ended the terms of the lost session
            }
            return valid;
        }

        void stop(String name) {
            AutoCloseable r = running;
            running = null;
            if (r == null) {
                return;
            }
            try {
                r.close();
                log.info("{}: stopped on this instance ({})", name, instance);
            } catch (Exception e) {
                log.warn("{}: did not stop cleanly: {}", name, e.toString());
            }
        }
    }
}

package supportbot.store.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Runs statements on the calling thread's transaction when it has one (the committing thread between begin
 * and commit: its reads see its own writes), else on a pooled connection in auto-commit (readers, which see
 * committed data only).
 */
final class Jdbc {
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement st) throws SQLException;
    }

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** A transaction in progress: its connection and the conversations it has locked. */
    static final class Tx {
        final Connection connection;
        final Set<String> locked = new HashSet<>();

        Tx(Connection connection) {
            this.connection = connection;
        }
    }

    private final DataSource pool;
    private final ThreadLocal<Tx> current = new ThreadLocal<>();
    /** Statements sent, each one round trip: what the benchmark reports per turn. */
    private final java.util.concurrent.atomic.LongAdder statements = new java.util.concurrent.atomic.LongAdder();

    Jdbc(DataSource pool) {
        this.pool = pool;
    }

    Tx currentTx() {
        return current.get();
    }

    void begin() {
        if (current.get() != null) {
            return;
        }
        try {
            Connection c = pool.getConnection();
            c.setAutoCommit(false);
            current.set(new Tx(c));
        } catch (SQLException e) {
            throw new PostgresStoreException("cannot start a transaction", e);
        }
    }

    void end(boolean commit) {
        Tx tx = current.get();
        if (tx == null) {
            return;
        }
        current.remove();
        try (Connection c = tx.connection) {
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new PostgresStoreException(commit ? "commit failed" : "rollback failed", e);
        }
    }

    <T> List<T> list(String sql, Binder binder, Row<T> row) {
        Work<List<T>> query = st -> {
            var out = new ArrayList<T>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        };
        // A read outside a transaction changes nothing, so when the database dropped the connection under it
        // (a restart, a failover, pg_terminate_backend) it runs again on a fresh one: an instance starting up or a
        // desk page loading at that moment goes on instead of failing. The pool evicts the dead connection; the
        // others it hands out may be dead too, hence a few tries. Writes are never repeated here: whether a
        // dropped one was applied is unknown, and the turn that made it is delivered again instead.
        for (int tries = 1; ; tries++) {
            try {
                return run(sql, binder, query);
            } catch (PostgresStoreException e) {
                if (current.get() != null || tries >= READ_TRIES || !connectionLost(e.getCause())) {
                    throw e;
                }
            }
        }
    }

    private static final int READ_TRIES = 4;

    /** SQL states of a connection the server ended or that broke: class 08, and 57P01–57P03 (shutdowns). */
    static boolean connectionLost(Throwable e) {
        if (!(e instanceof SQLException sql) || sql.getSQLState() == null) {
            return false;
        }
        String state = sql.getSQLState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    <T> Optional<T> one(String sql, Binder binder, Row<T> row) {
        List<T> all = list(sql, binder, row);
        return all.isEmpty() ? Optional.empty() : Optional.ofNullable(all.get(0));
    }

    int update(String sql, Binder binder) {
        return run(sql, binder, PreparedStatement::executeUpdate);
    }

    @FunctionalInterface
    private interface Work<T> {
        T on(PreparedStatement st) throws SQLException;
    }

    long statements() {
        return statements.sum();
    }

    private <T> T run(String sql, Binder binder, Work<T> work) {
        statements.increment();
        Tx tx = current.get();
        try {
            if (tx != null) {
                try (PreparedStatement st = tx.connection.prepareStatement(sql)) {
                    binder.bind(st);
                    return work.on(st);
                }
            }
            try (Connection c = pool.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
                binder.bind(st);
                return work.on(st);
            }
        } catch (SQLException e) {
            throw new PostgresStoreException(sql.split("\\s+", 3)[0] + " failed", e);
        }
    }

    static Binder none() {
        return st -> {
        };
    }
}

package supportbot.store.postgres;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.cluster.Broadcast;
import supportbot.cluster.Notice;

/**
 * Notices between instances over PostgreSQL's {@code LISTEN/NOTIFY}: one channel per schema, a session of its own
 * that listens, and notices sent through the pool once the commit that caused them is done. A notice published
 * while others are being sent waits and goes with the next batch, so a busy instance sends one notification per
 * round trip, not one per commit.
 *
 * <p>After a lost connection the listener reconnects and hands its subscribers {@link Notice.Kind#MISSED}: what was
 * sent meanwhile is gone, so they look at everything once.
 */
final class PgBroadcast implements Broadcast {
    private static final Logger log = LoggerFactory.getLogger(PgBroadcast.class);
    /** PostgreSQL refuses payloads of 8000 bytes and more; the rest of a batch goes in another notification. */
    static final int MAX_PAYLOAD = 7_000;
    private static final int WAIT_MS = 500;
    /** Stands for "no value": URL encoding never leaves a bare tilde. */
    private static final String NONE = "~";
    /** A quiet listener checks its session this often: a dead one may otherwise never say so. */
    private static final long CHECK_QUIET_MS = 5_000;

    private final PostgresSettings settings;
    private final Jdbc jdbc;
    private final String instance;
    private volatile String channel;
    private final List<Consumer<List<Notice>>> listeners = new CopyOnWriteArrayList<>();
    private final LinkedHashSet<Notice> pending = new LinkedHashSet<>();
    private final Thread sender;
    private final Thread listener;
    private volatile boolean running = true;
    private volatile Connection listening;
    /** Set once the first LISTEN is in place: before that, nothing was missed. */
    private volatile boolean listenedBefore;
    private final Object listeningReady = new Object();

    PgBroadcast(PostgresSettings settings, Jdbc jdbc, String instance) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.instance = instance;
        this.sender = new Thread(this::sendLoop, "broadcast-send");
        this.listener = new Thread(this::listenLoop, "broadcast-listen");
        sender.setDaemon(true);
        listener.setDaemon(true);
    }

    /** Starts listening and waits (a few seconds at most) until it does, so nothing sent after this is missed. */
    PgBroadcast start() {
        this.channel = jdbc.one("select " + DedicatedConnection.SCOPED_NAME, st -> st.setString(1, "notices"),
                rs -> rs.getString(1)).orElseThrow();
        if (channel.length() > 63) {
            channel = channel.substring(0, 63); // the server cuts longer channel names the same way
        }
        listener.start();
        sender.start();
        synchronized (listeningReady) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!listenedBefore && System.nanoTime() < deadline) {
                try {
                    listeningReady.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return this;
    }

    @Override
    public void publish(Notice notice) {
        synchronized (pending) {
            pending.add(notice);
            pending.notifyAll();
        }
    }

    @Override
    public void subscribe(Consumer<List<Notice>> listener) {
        listeners.add(listener);
    }

    private void sendLoop() {
        while (running) {
            List<Notice> batch;
            synchronized (pending) {
                while (pending.isEmpty() && running) {
                    try {
                        pending.wait(WAIT_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                batch = new ArrayList<>(pending);
                pending.clear();
            }
            for (String payload : encode(instance, batch)) {
                try {
                    jdbc.one("select pg_notify(?, ?)", st -> {
                        st.setString(1, channel);
                        st.setString(2, payload);
                    }, rs -> true);
                } catch (RuntimeException e) {
                    // The others' long polls still end on their timeout and read the store then.
                    log.warn("broadcast: could not tell the other instances ({}); they catch up on their next poll",
                            e.getMessage());
                }
            }
        }
    }

    private void listenLoop() {
        long backoffMs = 200;
        long lastHeard = System.nanoTime();
        while (running) {
            try {
                if (listening == null) {
                    listening = DedicatedConnection.open(settings, "support-bot listener " + instance, 0);
                    try (var st = listening.createStatement()) {
                        st.execute("listen \"" + channel.replace("\"", "") + "\"");
                    }
                    backoffMs = 200;
                    boolean missedSome = listenedBefore;
                    synchronized (listeningReady) {
                        listenedBefore = true;
                        listeningReady.notifyAll();
                    }
                    if (missedSome) {
                        log.info("broadcast: listening again; catching up on whatever changed meanwhile");
                        deliver(List.of(new Notice(Notice.Kind.MISSED, null, null)));
                    }
                }
                PGNotification[] got = listening.unwrap(PGConnection.class).getNotifications(WAIT_MS);
                if (got == null || got.length == 0) {
                    if (System.nanoTime() - lastHeard > CHECK_QUIET_MS * 1_000_000) {
                        if (!listening.isValid(5)) {
                            throw new SQLException("the listening session is gone");
                        }
                        lastHeard = System.nanoTime();
                    }
                    continue;
                }
                lastHeard = System.nanoTime();
                var batch = new ArrayList<Notice>();
                for (PGNotification n : got) {
                    decode(instance, n.getParameter(), batch);
                }
                if (!batch.isEmpty()) {
                    deliver(batch);
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("broadcast: lost the listening connection ({}); reconnecting", e.getMessage());
                closeListening();
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    return;
                }
                backoffMs = Math.min(5_000, backoffMs * 2);
            }
        }
    }

    private void deliver(List<Notice> batch) {
        for (var l : listeners) {
            try {
                l.accept(batch);
            } catch (RuntimeException e) {
                log.error("broadcast: a listener failed; the others still run", e);
            }
        }
    }

    /** First line the sender (so it skips its own), then one notice a line: kind, subject, channel. */
    static List<String> encode(String instance, List<Notice> batch) {
        var out = new ArrayList<String>();
        String head = field(instance);
        var payload = new StringBuilder(head);
        for (Notice n : batch) {
            String line = "\n" + n.kind().name() + " " + field(n.subject()) + " " + field(n.channel());
            if (payload.length() + line.length() > MAX_PAYLOAD && payload.length() > head.length()) {
                out.add(payload.toString());
                payload = new StringBuilder(head);
            }
            payload.append(line);
        }
        if (payload.length() > head.length()) {
            out.add(payload.toString());
        }
        return out;
    }

    /** Adds the notices of one payload to {@code into}, unless this instance sent it; unknown lines are skipped. */
    static void decode(String instance, String payload, List<Notice> into) {
        String[] lines = payload.split("\n");
        if (lines.length == 0 || unfield(lines[0]) == null || unfield(lines[0]).equals(instance)) {
            return;
        }
        for (int i = 1; i < lines.length; i++) {
            String[] parts = lines[i].split(" ", -1);
            if (parts.length != 3) {
                continue;
            }
            try {
                into.add(new Notice(Notice.Kind.valueOf(parts[0]), unfield(parts[1]), unfield(parts[2])));
            } catch (IllegalArgumentException e) {
                log.debug("broadcast: skipped a notice of a kind this build does not know: {}", parts[0]);
            }
        }
    }

    private static String field(String value) {
        return value == null ? NONE : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unfield(String value) {
        return value.equals(NONE) ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private void closeListening() {
        Connection c = listening;
        listening = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already gone
            }
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (pending) {
            pending.notifyAll();
        }
        try {
            sender.join(2_000);
            listener.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeListening();
    }
}

package supportbot.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import supportbot.store.ConversationRepository;
import supportbot.store.CounterRepository;
import supportbot.store.DeskSessionRepository;
import supportbot.store.FeedbackRepository;
import supportbot.store.KeyValueRepository;
import supportbot.store.KeyVault;
import supportbot.store.OutboxRepository;
import supportbot.store.SessionRepository;
import supportbot.store.StoreBackend;
import supportbot.store.TicketRepository;
import supportbot.store.TranscriptRepository;

/**
 * The store on PostgreSQL, shared by as many instances as the operator starts: JDBC over a HikariCP pool, the
 * schema kept by Flyway. A transaction per commit group; a turn locks its conversation until its transaction
 * ends (an advisory lock), so two instances never write one conversation's turns at once.
 */
public final class PostgresBackend implements StoreBackend {
    private final HikariDataSource pool;
    private final PostgresSettings settings;
    private final Jdbc jdbc;
    private final PgConversations conversations;
    private final PgTranscript transcript;
    private final PgTickets tickets;
    private final PgOutbox outbox;
    private final PgInboundIds inboundIds;
    private final PgRateBuckets rateBuckets;
    private final PgCounters counters;
    private final PgSessions webSessions;
    private final PgDeskSessions deskSessions;
    private final PgFeedback feedback;
    private final PgKeyValues surfaceState;
    private final PgKeyValues bans;
    private final PgKeyValues contactLinks;
    private final PgKeyValues linkCodes;
    private final PgKeyVault keys;

    private PostgresBackend(HikariDataSource pool, PostgresSettings settings) {
        this.pool = pool;
        this.settings = settings;
        this.jdbc = new Jdbc(pool);
        conversations = new PgConversations(jdbc);
        transcript = new PgTranscript(jdbc);
        tickets = new PgTickets(jdbc);
        outbox = new PgOutbox(jdbc);
        inboundIds = new PgInboundIds(jdbc);
        rateBuckets = new PgRateBuckets(jdbc);
        counters = new PgCounters(jdbc);
        webSessions = new PgSessions(jdbc);
        deskSessions = new PgDeskSessions(jdbc);
        feedback = new PgFeedback(jdbc);
        surfaceState = new PgKeyValues(jdbc, "surface_state", "key");
        bans = new PgKeyValues(jdbc, "bans", "user_id");
        contactLinks = new PgKeyValues(jdbc, "contact_links", "contact");
        linkCodes = new PgKeyValues(jdbc, "link_codes", "code_hash");
        keys = new PgKeyVault(jdbc);
    }

    /**
     * Connects, brings the schema up to date and returns the backend.
     *
     * @throws DatabaseUnreachableException naming host and port, never the password
     * @throws SchemaTooNewException when a newer build made the schema
     */
    public static PostgresBackend open(PostgresSettings settings) {
        var config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("support-bot-store");
        config.setConnectionTimeout(5_000);
        if (settings.schema() != null) {
            config.setSchema(settings.schema());
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw DatabaseUnreachableException.of(settings, e);
        }
        try {
            SchemaMigrations.apply(pool, settings.schema());
            return new PostgresBackend(pool, settings);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Host and port of a jdbc:postgresql url, as the driver reads it. */
    static String hostAndPort(String url) {
        Properties p = org.postgresql.Driver.parseURL(url, null);
        if (p == null) {
            return "?";
        }
        return p.getProperty("PGHOST", "localhost") + ":" + p.getProperty("PGPORT", "5432");
    }

    @Override
    public ConversationRepository conversations() {
        return conversations;
    }

    @Override
    public TranscriptRepository transcript() {
        return transcript;
    }

    @Override
    public TicketRepository tickets() {
        return tickets;
    }

    @Override
    public OutboxRepository outbox() {
        return outbox;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public supportbot.store.RateBuckets rateBuckets() {
        return rateBuckets;
    }

    @Override
    public supportbot.store.InboundIds inboundIds() {
        return inboundIds;
    }

    @Override
    public CounterRepository counters() {
        return counters;
    }

    @Override
    public SessionRepository webSessions() {
        return webSessions;
    }

    @Override
    public DeskSessionRepository deskSessions() {
        return deskSessions;
    }

    @Override
    public FeedbackRepository feedback() {
        return feedback;
    }

    @Override
    public KeyValueRepository surfaceState() {
        return surfaceState;
    }

    @Override
    public KeyValueRepository bans() {
        return bans;
    }

    @Override
    public KeyValueRepository contactLinks() {
        return contactLinks;
    }

    @Override
    public KeyValueRepository linkCodes() {
        return linkCodes;
    }

    @Override
    public KeyVault keys() {
        return keys;
    }

    @Override
    public void begin() {
        jdbc.begin();
    }

    @Override
    public void commit() {
        try {
            jdbc.end(true);
        } finally {
            keys.committed();
        }
    }

    @Override
    public void rollback() {
        try {
            jdbc.end(false);
        } finally {
            keys.rolledBack();
        }
    }

    /**
     * Held until the transaction ends. Two instances' commit groups may take the same locks in different
     * orders; PostgreSQL then aborts one, and the committer retries its turns one by one.
     */
    @Override
    public void lockConversation(String conversationKey) {
        Jdbc.Tx tx = jdbc.currentTx();
        if (tx == null || !tx.locked.add(conversationKey)) {
            return;
        }
        jdbc.one("select pg_advisory_xact_lock(hashtextextended(?, 0))", st -> st.setString(1, conversationKey),
                rs -> true);
    }

    @Override
    public Optional<Path> file() {
        return Optional.empty();
    }

    @Override
    public String describe() {
        return settings.where();
    }

    /**
     * Elections among the instances on this database (and schema), on a session of their own.
     *
     * @param instance this instance's name, for {@code pg_stat_activity} and the logs
     */
    public AdvisoryLeadership leadership(String instance, java.time.Duration checkEvery, java.time.Duration silenceLimit) {
        return new AdvisoryLeadership(settings, instance, checkEvery, silenceLimit);
    }

    /**
     * Notices to and from the other instances on this database (and schema), listening once this returns. Key
     * destructions travel by themselves: every instance drops a key another destroyed from its cache.
     */
    public supportbot.cluster.Broadcast broadcast(String instance) {
        var broadcast = new PgBroadcast(settings, jdbc, instance);
        keys.onDestroyed(id -> broadcast.publish(supportbot.cluster.Notice.keyDestroyed(id)));
        broadcast.subscribe(batch -> {
            for (var notice : batch) {
                if (notice.kind() == supportbot.cluster.Notice.Kind.KEY_DESTROYED) {
                    keys.forget(Long.parseLong(notice.subject()));
                } else if (notice.kind() == supportbot.cluster.Notice.Kind.MISSED) {
                    keys.forgetAll();
                }
            }
        });
        return broadcast.start();
    }

    /** The schema it works in (null: the user's default). */
    public String schema() {
        return settings.schema();
    }

    /** Statements sent so far (each a round trip; commits and rollbacks not counted). */
    public long statements() {
        return jdbc.statements();
    }

    /** True when nothing is stored yet (no conversation, ticket, outbox entry or key): safe to copy into. */
    public boolean isEmpty() {
        return jdbc.one("select not exists (select 1 from conversations) and not exists (select 1 from tickets) "
                + "and not exists (select 1 from outbox) and not exists (select 1 from conversation_keys) "
                + "and not exists (select 1 from transcript)", Jdbc.none(), rs -> rs.getBoolean(1)).orElse(true);
    }

    /** Drops the schema with everything in it: for tests that made their own. */
    public void dropSchema() {
        if (settings.schema() == null) {
            throw new IllegalStateException("only a schema of its own is dropped");
        }
        jdbc.update("drop schema \"" + settings.schema().replace("\"", "") + "\" cascade", Jdbc.none());
    }

    @Override
    public void close() {
        pool.close();
    }
}

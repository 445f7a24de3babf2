package supportbot.store.mapdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.Serializer;
import supportbot.store.AtomicCommitVolume;
import supportbot.store.ConversationRepository;
import supportbot.store.CounterRepository;
import supportbot.store.DeskSessionRepository;
import supportbot.store.FeedbackRepository;
import supportbot.store.KeyValueRepository;
import supportbot.store.KeyVault;
import supportbot.store.OutboxRepository;
import supportbot.store.SealedRecords;
import supportbot.store.SessionRepository;
import supportbot.store.StoreBackend;
import supportbot.store.StoreLockedException;
import supportbot.store.TicketRepository;
import supportbot.store.TranscriptRepository;

/**
 * The embedded store: one MapDB file with a write-ahead log, opened by one process. Map names and value
 * formats are those of every earlier version, so existing data files open as they are.
 */
public final class MapDbBackend implements StoreBackend {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MapDbBackend.class);
    public static final String FILE_NAME = "support-bot.db";

    private final DB db;
    private final Path file;
    private final MapDbKeyVault keys;
    private final MapDbConversations conversations;
    private final MapDbTranscript transcript;
    private final MapDbTickets tickets;
    private final MapDbSealedRecords outbox;
    private final MapDbSealedRecords undeliverable;
    private final MapDbSealedRecords gaps;
    private final MapDbCounters counters;
    private final MapDbSessions webSessions;
    private final MapDbDeskSessions deskSessions;
    private final MapDbFeedback feedback;
    private final MapDbKeyValues surfaceState;
    private final MapDbKeyValues bans;
    private final MapDbKeyValues contactLinks;
    private final MapDbKeyValues linkCodes;
    private volatile Function<byte[], Optional<TicketRepository.Columns>> ticketReader = b -> Optional.empty();

    private MapDbBackend(DB db, Path file) {
        this.db = db;
        this.file = file;
        keys = new MapDbKeyVault(db);
        conversations = new MapDbConversations(db.hashMap("conversations", Serializer.STRING, Serializer.BYTE_ARRAY)
                .createOrOpen());
        // Values outside the B-tree nodes: otherwise every append rewrites a node holding dozens of whole turns.
        transcript = new MapDbTranscript(db.treeMap("transcript", Serializer.STRING, Serializer.BYTE_ARRAY)
                .valuesOutsideNodesEnable().createOrOpen());
        tickets = new MapDbTickets(db.hashMap("tickets", Serializer.LONG, Serializer.BYTE_ARRAY).createOrOpen(),
                db.treeMap("ticketFeed", Serializer.LONG, Serializer.LONG).createOrOpen(), b -> ticketReader.apply(b));
        gaps = new MapDbSealedRecords(db.treeMap("knowledgeGaps", Serializer.LONG, Serializer.BYTE_ARRAY)
                .valuesOutsideNodesEnable().createOrOpen());
        feedback = new MapDbFeedback(db.hashMap("faqVotes", Serializer.STRING, Serializer.LONG).createOrOpen(), gaps);
        outbox = new MapDbSealedRecords(db.treeMap("outbox", Serializer.LONG, Serializer.BYTE_ARRAY)
                .valuesOutsideNodesEnable().createOrOpen());
        counters = new MapDbCounters(db.hashMap("counters", Serializer.STRING, Serializer.LONG).createOrOpen());
        webSessions = new MapDbSessions(db.hashMap("webSessions", Serializer.STRING, Serializer.LONG).createOrOpen());
        deskSessions = new MapDbDeskSessions(db.hashMap("deskSessions", Serializer.STRING, Serializer.STRING)
                .createOrOpen());
        surfaceState = new MapDbKeyValues(db.hashMap("surfaceState", Serializer.STRING, Serializer.BYTE_ARRAY)
                .createOrOpen());
        bans = new MapDbKeyValues(db.hashMap("banned", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen());
        contactLinks = new MapDbKeyValues(db.hashMap("contactLinks", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen());
        linkCodes = new MapDbKeyValues(db.hashMap("linkCodes", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen());
        undeliverable = new MapDbSealedRecords(db.treeMap("undeliverable", Serializer.LONG, Serializer.BYTE_ARRAY)
                .valuesOutsideNodesEnable().createOrOpen());
        db.commit();
    }

    /** Opens (or creates) the store in {@code dataDir}; fails clearly if another process has it open. */
    public static MapDbBackend open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        try {
            // Not DBMaker's transactionEnable().fileChannelEnable() as such: MapDB 3.1 applies a commit to the file
            // in place, write by write, and never replays its log, so a kill -9 during that left a store that
            // would not open. The same store on a volume that makes each commit's writes land all at once.
            return new MapDbBackend(AtomicCommitVolume.openDb(file, org.mapdb.volume.FileChannelVol.FACTORY), file);
        } catch (DBException.FileLocked e) {
            throw new StoreLockedException(file + " is already in use by another support-bot process. Stop that process, "
                    + "or give this one its own data.dir.", e);
        }
    }

    /**
     * How to read a ticket's columns from its sealed value: the file keeps none, so they are rebuilt in memory
     * from the tickets on first need.
     */
    @Override
    public void readTicketsWith(Function<byte[], Optional<TicketRepository.Columns>> reader) {
        this.ticketReader = reader;
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
        return new OutboxRepository() {
            @Override
            public SealedRecords pending() {
                return outbox;
            }

            @Override
            public SealedRecords parked() {
                return undeliverable;
            }
        };
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
        // MapDB is always in a transaction: the next commit ends it.
    }

    @Override
    public void commit() {
        try {
            keys.freeZeroedEarlier();
        } catch (RuntimeException e) {
            // Must not fail the turns in this commit (the committer would retry them for ever).
            keys.abandonZeroedEarlier();
            log.warn("could not free destroyed key records; they stay allocated, zeroed", e);
        }
        db.commit();
        keys.committed();
    }

    @Override
    public void rollback() {
        db.rollback();
        keys.rolledBack();
        List.of(tickets, outbox, undeliverable, gaps).forEach(MapDbSealedRecords::rolledBack);
    }

    @Override
    public void lockConversation(String conversationKey) {
        // The file is locked to this process, whose one commit thread writes: turns cannot overlap.
    }

    @Override
    public Optional<Path> file() {
        return Optional.of(file);
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public void close() {
        if (!db.isClosed()) {
            if (keys.hasZeroedEarlier()) {
                commit(); // frees the key records the last commit zeroed
            }
            db.close();
        }
    }
}

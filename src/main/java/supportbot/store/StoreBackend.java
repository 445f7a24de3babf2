package supportbot.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the {@link Store} keeps its data: the repositories and the transaction they are written in. The
 * committing thread calls {@link #begin}, writes, then {@link #commit} or {@link #rollback}; reads from other
 * threads see committed data only.
 */
public interface StoreBackend extends AutoCloseable {
    ConversationRepository conversations();

    TranscriptRepository transcript();

    TicketRepository tickets();

    OutboxRepository outbox();

    CounterRepository counters();

    SessionRepository webSessions();

    DeskSessionRepository deskSessions();

    FeedbackRepository feedback();

    KeyValueRepository surfaceState();

    KeyValueRepository bans();

    /** Which person each linked contact belongs to (contact key → {@link ContactLink}). */
    KeyValueRepository contactLinks();

    /** Pending one-time link codes, keyed by the code's hash (never the code itself). */
    KeyValueRepository linkCodes();

    KeyVault keys();

    /**
     * True when other processes may write the same data at once (a database server): then turns check the
     * version of the conversation they read, record inbound ids, and claim outbox entries. False for a file one
     * process holds, where the inbox's lanes already serialise a conversation's turns.
     */
    default boolean shared() {
        return false;
    }

    /** Rates held by all instances together; only a shared adapter has them. */
    default RateBuckets rateBuckets() {
        throw new UnsupportedOperationException("one process keeps its rates in memory");
    }

    /** Inbound ids kept across instances; only a shared adapter has them. */
    default InboundIds inboundIds() {
        throw new UnsupportedOperationException("inbound ids are kept in the conversation record here");
    }

    /**
     * How to read a ticket's {@link TicketRepository.Columns} from its sealed value, for an adapter whose format
     * keeps no columns (the store knows the sealing; adapters do not).
     */
    default void readTicketsWith(java.util.function.Function<byte[], Optional<TicketRepository.Columns>> reader) {
    }

    /** Starts a transaction on the calling thread (a no-op when one is open). */
    void begin();

    void commit();

    void rollback();

    /**
     * Serialises the turns of one conversation across instances until the transaction ends; a no-op where
     * only one process can have the store open.
     */
    void lockConversation(String conversationKey);

    /** The data file, for its size; empty for a database server. */
    Optional<Path> file();

    /** For messages: where the data is, without credentials. */
    String describe();

    @Override
    void close();
}

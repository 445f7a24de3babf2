package supportbot.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;
import supportbot.dialogue.Attachment;
import supportbot.dialogue.Button;
import supportbot.dialogue.Conversation;
import supportbot.dialogue.TicketDraft;

/**
 * The embedded, transactional store (MapDB with a write-ahead log): conversations, transcripts, seen
 * platform message ids, tickets, FAQ votes, knowledge gaps and the outbox. Reads are direct; every write
 * goes through {@link GroupCommitter}, which applies a turn's writes and commits them together.
 */
public final class Store implements AutoCloseable {
    public static final String FILE_NAME = "support-bot.db";
    private static final char SEP = '\u0000';

    private final DB db;
    private final Path file;
    private final HTreeMap<String, byte[]> conversations;
    private final ConcurrentNavigableMap<String, byte[]> transcript;
    private final HTreeMap<String, Long> transcriptSeq;
    private final HTreeMap<String, Long> seen;
    private final HTreeMap<Long, byte[]> tickets;
    private final HTreeMap<Long, String> ticketStatus;
    private final HTreeMap<String, Long> faqVotes;
    private final ConcurrentNavigableMap<Long, byte[]> gaps;
    private final ConcurrentNavigableMap<Long, byte[]> outbox;
    private final HTreeMap<String, Long> counters;
    private final HTreeMap<String, Long> webSessions;

    private Store(DB db, Path file) {
        this.db = db;
        this.file = file;
        conversations = db.hashMap("conversations", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
        transcript = db.treeMap("transcript", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
        transcriptSeq = db.hashMap("transcriptSeq", Serializer.STRING, Serializer.LONG).createOrOpen();
        seen = db.hashMap("seen", Serializer.STRING, Serializer.LONG).createOrOpen();
        tickets = db.hashMap("tickets", Serializer.LONG, Serializer.BYTE_ARRAY).createOrOpen();
        ticketStatus = db.hashMap("ticketStatus", Serializer.LONG, Serializer.STRING).createOrOpen();
        faqVotes = db.hashMap("faqVotes", Serializer.STRING, Serializer.LONG).createOrOpen();
        gaps = db.treeMap("knowledgeGaps", Serializer.LONG, Serializer.BYTE_ARRAY).createOrOpen();
        outbox = db.treeMap("outbox", Serializer.LONG, Serializer.BYTE_ARRAY).createOrOpen();
        counters = db.hashMap("counters", Serializer.STRING, Serializer.LONG).createOrOpen();
        webSessions = db.hashMap("webSessions", Serializer.STRING, Serializer.LONG).createOrOpen();
        db.commit();
    }

    /** Opens (or creates) the store in {@code dataDir}; fails clearly if another process has it open. */
    public static Store open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        try {
            return new Store(DBMaker.fileDB(file.toFile()).transactionEnable().fileChannelEnable().make(), file);
        } catch (DBException.FileLocked e) {
            throw new StoreLockedException(file + " is already in use by another support-bot process. Stop that process, "
                    + "or give this one its own data.dir.", e);
        }
    }

    public Path file() {
        return file;
    }

    public Optional<Conversation> conversation(String key) {
        return Optional.ofNullable(conversations.get(key)).map(b -> StoreCodec.decode(b, Conversation.class));
    }

    public long conversationCount() {
        return conversations.sizeLong();
    }

    public boolean seen(String channel, String conversationKey, String platformMessageId) {
        return platformMessageId != null && seen.containsKey(seenKey(channel, conversationKey, platformMessageId));
    }

    /** Lines with seq greater than {@code afterSeq}, in order. */
    public List<TranscriptLine> transcript(String conversationKey, long afterSeq) {
        String from = conversationKey + SEP + pad(afterSeq + 1);
        String to = conversationKey + SEP + '\uffff';
        var out = new ArrayList<TranscriptLine>();
        transcript.subMap(from, true, to, false).values().forEach(b -> out.add(StoreCodec.decode(b, TranscriptLine.class)));
        return out;
    }

    public long lastTranscriptSeq(String conversationKey) {
        return transcriptSeq.getOrDefault(conversationKey, 0L);
    }

    public boolean webSessionExists(String sessionId) {
        return webSessions.containsKey(sessionId);
    }

    public Optional<TicketDraft> ticket(long number) {
        return Optional.ofNullable(tickets.get(number)).map(b -> StoreCodec.decode(b, TicketDraft.class));
    }

    public Optional<String> ticketStatus(long number) {
        return Optional.ofNullable(ticketStatus.get(number));
    }

    public long lastTicketNumber() {
        return counters.getOrDefault("ticket", 0L);
    }

    public long faqVotes(String faqId, boolean helpful) {
        return faqVotes.getOrDefault(faqId + (helpful ? "|up" : "|down"), 0L);
    }

    public List<String> knowledgeGaps() {
        return gaps.values().stream().map(b -> StoreCodec.decode(b, String.class)).toList();
    }

    public List<OutboxEntry> pendingOutbox(int max) {
        return outbox.values().stream().limit(max).map(b -> StoreCodec.decode(b, OutboxEntry.class)).toList();
    }

    void commit() {
        db.commit();
    }

    void rollback() {
        db.rollback();
    }

    @Override
    public void close() {
        if (!db.isClosed()) {
            db.close();
        }
    }

    private static String seenKey(String channel, String conversationKey, String id) {
        return channel + SEP + conversationKey + SEP + id;
    }

    private static String pad(long seq) {
        return String.format("%012d", seq);
    }

    /** The writes of one turn; only the committer thread uses it, between two commits. */
    public final class Tx {
        Tx() {
        }

        public void saveConversation(Conversation c) {
            conversations.put(c.key(), StoreCodec.encode(c));
        }

        public void markSeen(String channel, String conversationKey, String platformMessageId, Instant when) {
            if (platformMessageId != null) {
                seen.put(seenKey(channel, conversationKey, platformMessageId), when.toEpochMilli());
            }
        }

        public TranscriptLine appendTranscript(String key, String from, String text, List<Button> buttons,
                                               List<Attachment> attachments, Instant time) {
            long seq = transcriptSeq.getOrDefault(key, 0L) + 1;
            transcriptSeq.put(key, seq);
            var line = new TranscriptLine(seq, from, text, buttons, attachments, time);
            transcript.put(key + SEP + pad(seq), StoreCodec.encode(line));
            return line;
        }

        public void saveTicket(TicketDraft ticket, String status) {
            tickets.put(ticket.number(), StoreCodec.encode(ticket));
            ticketStatus.put(ticket.number(), status);
            counters.merge("ticket", ticket.number(), Math::max);
        }

        public void voteFaq(String faqId, boolean helpful) {
            faqVotes.merge(faqId + (helpful ? "|up" : "|down"), 1L, Long::sum);
        }

        public void addKnowledgeGap(String query) {
            long id = counters.merge("gap", 1L, Long::sum);
            gaps.put(id, StoreCodec.encode(query));
        }

        public long enqueue(String channel, String conversationKey, String text, List<Button> buttons) {
            long id = counters.merge("outbox", 1L, Long::sum);
            outbox.put(id, StoreCodec.encode(new OutboxEntry(id, channel, conversationKey, text, buttons)));
            return id;
        }

        public void registerWebSession(String sessionId, Instant created) {
            webSessions.put(sessionId, created.toEpochMilli());
        }

        public void delivered(long outboxId) {
            outbox.remove(outboxId);
        }
    }

    Tx tx() {
        return new Tx();
    }

    /** For diagnostics and tests: how many entries each map holds. */
    public Map<String, Long> sizes() {
        return Map.of("conversations", conversations.sizeLong(), "transcriptLines", (long) transcript.size(),
                "tickets", tickets.sizeLong(), "outbox", (long) outbox.size(), "seen", seen.sizeLong());
    }
}

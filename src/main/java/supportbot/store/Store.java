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
import java.util.Set;
import java.util.concurrent.ConcurrentNavigableMap;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;
import supportbot.dialogue.Attachment;
import supportbot.dialogue.Button;
import supportbot.dialogue.Conversation;
import supportbot.desk.Ticket;

/**
 * The embedded, transactional store (MapDB with a write-ahead log): conversations (with the platform
 * message ids they have seen), transcripts, tickets, FAQ votes, knowledge gaps and the outbox. Reads are direct; every write
 * goes through {@link GroupCommitter}, which applies a turn's writes and commits them together.
 */
public final class Store implements AutoCloseable {
    public static final String FILE_NAME = "support-bot.db";
    private static final char SEP = '\u0000';

    private final DB db;
    private final Path file;
    private final HTreeMap<String, byte[]> conversations;
    private final ConcurrentNavigableMap<String, byte[]> transcript;
    private final HTreeMap<Long, byte[]> tickets;
    private final HTreeMap<String, Long> faqVotes;
    private final ConcurrentNavigableMap<Long, byte[]> gaps;
    private final ConcurrentNavigableMap<Long, byte[]> outbox;
    private final HTreeMap<String, Long> counters;
    private final HTreeMap<String, Long> webSessions;
    /** Every ticket change in commit order (seq → ticket number): staff surfaces follow it with a cursor. */
    private final ConcurrentNavigableMap<Long, Long> ticketFeed;
    /** Small JSON records connectors keep per key, e.g. which forum topic belongs to which ticket. */
    private final HTreeMap<String, byte[]> surfaceState;
    /** Users agents banned for abuse: user id → who, why, when. */
    private final HTreeMap<String, byte[]> banned;
    /** Staff surfaces following the feed; none means no feed is kept (nobody would trim it). */
    private final Set<String> feedFollowers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Outbox entries no retry can deliver (the user blocked the bot): kept, with the reason, never dropped. */
    private final ConcurrentNavigableMap<Long, byte[]> undeliverable;

    /** Last transcript seq per conversation, for the commit thread only; bounded, re-read from the tree on a miss. */
    private final Map<String, Long> lastSeqs = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 50_000;
        }
    };

    private Store(DB db, Path file) {
        this.db = db;
        this.file = file;
        conversations = db.hashMap("conversations", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
        // Values outside the B-tree nodes: otherwise every append rewrites a node holding dozens of whole turns.
        transcript = db.treeMap("transcript", Serializer.STRING, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable()
                .createOrOpen();
        tickets = db.hashMap("tickets", Serializer.LONG, Serializer.BYTE_ARRAY).createOrOpen();
        faqVotes = db.hashMap("faqVotes", Serializer.STRING, Serializer.LONG).createOrOpen();
        gaps = db.treeMap("knowledgeGaps", Serializer.LONG, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createOrOpen();
        outbox = db.treeMap("outbox", Serializer.LONG, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createOrOpen();
        counters = db.hashMap("counters", Serializer.STRING, Serializer.LONG).createOrOpen();
        webSessions = db.hashMap("webSessions", Serializer.STRING, Serializer.LONG).createOrOpen();
        ticketFeed = db.treeMap("ticketFeed", Serializer.LONG, Serializer.LONG).createOrOpen();
        surfaceState = db.hashMap("surfaceState", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
        banned = db.hashMap("banned", Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen();
        undeliverable = db.treeMap("undeliverable", Serializer.LONG, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable()
                .createOrOpen();
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
        return stored(key).map(StoredConversation::conversation);
    }

    /** The conversation with the platform message ids it has seen lately, read in one go. */
    public Optional<StoredConversation> stored(String key) {
        return Optional.ofNullable(conversations.get(key)).map(b -> StoreCodec.decode(b, StoredConversation.class));
    }

    public long conversationCount() {
        return conversations.sizeLong();
    }


    /** Lines with seq greater than {@code afterSeq}, in order. */
    public List<TranscriptLine> transcript(String conversationKey, long afterSeq) {
        String prefix = conversationKey + SEP;
        // A turn's lines share one entry keyed by its first seq, so start at the entry holding afterSeq + 1.
        String start = transcript.floorKey(prefix + pad(afterSeq + 1));
        if (start == null || !start.startsWith(prefix)) {
            start = prefix;
        }
        var out = new ArrayList<TranscriptLine>();
        transcript.subMap(start, true, prefix + '\uffff', false).forEach((k, b) -> {
            for (TranscriptLine line : turnLines(k, b)) {
                if (line.seq() > afterSeq) {
                    out.add(line);
                }
            }
        });
        return out;
    }

    /** Lines are stored without their seq (the entry's key has the first one), so they can be encoded early. */
    private static List<TranscriptLine> turnLines(String key, byte[] value) {
        long first = Long.parseLong(key.substring(key.lastIndexOf(SEP) + 1));
        List<TranscriptLine> stored = StoreCodec.decode(value, new com.fasterxml.jackson.core.type.TypeReference<List<TranscriptLine>>() {
        });
        var lines = new ArrayList<TranscriptLine>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            TranscriptLine l = stored.get(i);
            lines.add(new TranscriptLine(first + i, l.from(), l.text(), l.buttons(), l.attachments(), l.time(), l.by()));
        }
        return lines;
    }

    private long lastTranscriptSeq(String conversationKey) {
        String prefix = conversationKey + SEP;
        var last = transcript.floorEntry(prefix + '\uffff');
        if (last == null || !last.getKey().startsWith(prefix)) {
            return 0;
        }
        List<TranscriptLine> lines = turnLines(last.getKey(), last.getValue());
        return lines.isEmpty() ? 0 : lines.get(lines.size() - 1).seq();
    }

    /** A value encoded off the commit thread: the commit thread only puts bytes. */
    public record Encoded(byte[] bytes) {
    }

    public static Encoded encodeConversation(StoredConversation c) {
        return new Encoded(StoreCodec.encode(c));
    }

    /** One turn's transcript lines (user message, bot replies), stored as one entry. */
    public static Encoded encodeLines(List<TranscriptLine> linesWithoutSeq) {
        return new Encoded(StoreCodec.encode(linesWithoutSeq));
    }

    public boolean webSessionExists(String sessionId) {
        return webSessions.containsKey(sessionId);
    }

    public Optional<Ticket> ticket(long number) {
        return Optional.ofNullable(tickets.get(number)).map(b -> StoreCodec.decode(b, Ticket.class));
    }

    /** Every ticket, oldest number first. */
    public List<Ticket> tickets() {
        // Copy the keys by plain iteration: MapDB's key spliterator reports a fixed size, which a ticket opened
        // meanwhile by the commit thread breaks.
        var numbers = new ArrayList<Long>();
        for (Long n : tickets.keySet()) {
            numbers.add(n);
        }
        java.util.Collections.sort(numbers);
        var out = new ArrayList<Ticket>(numbers.size());
        for (Long n : numbers) {
            byte[] value = tickets.get(n);
            if (value != null) {
                out.add(StoreCodec.decode(value, Ticket.class));
            }
        }
        return out;
    }

    public long lastTicketNumber() {
        return counters.getOrDefault("ticket", 0L);
    }

    /** Helpful and unhelpful FAQ votes per FAQ id: [helpful, unhelpful]. */
    public Map<String, long[]> faqVotes() {
        var out = new java.util.TreeMap<String, long[]>();
        faqVotes.forEach((key, count) -> {
            int bar = key.lastIndexOf('|');
            long[] pair = out.computeIfAbsent(key.substring(0, bar), k -> new long[2]);
            pair[key.endsWith("|up") ? 0 : 1] += count;
        });
        return out;
    }

    public List<String> knowledgeGaps() {
        var out = new ArrayList<String>();
        for (byte[] b : gaps.values()) {
            out.add(StoreCodec.decode(b, String.class));
        }
        return out;
    }

    /** A staff surface will read the ticket feed from now on, with its own cursor ({@link #feedCursor}). */
    public void followTicketFeed(String follower) {
        feedFollowers.add(follower);
    }

    public static String feedCursor(String follower) {
        return "feed:" + follower;
    }

    /** Ticket numbers changed after {@code afterSeq}, as (seq, number) in commit order. */
    public List<long[]> ticketFeed(long afterSeq, int max) {
        var out = new ArrayList<long[]>();
        for (var e : ticketFeed.tailMap(afterSeq, false).entrySet()) {
            if (out.size() >= max) {
                break;
            }
            Long number = e.getValue();
            if (number != null) {
                out.add(new long[] {e.getKey(), number});
            }
        }
        return out;
    }

    /** Transcript turns (entry keys) whose last line is older than {@code cutoff}. */
    public List<String> transcriptEntriesBefore(Instant cutoff) {
        var keys = new ArrayList<String>();
        for (String k : transcript.keySet()) {
            keys.add(k);
        }
        var old = new ArrayList<String>();
        for (String k : keys) {
            byte[] value = transcript.get(k);
            if (value == null) {
                continue;
            }
            List<TranscriptLine> lines = turnLines(k, value);
            if (!lines.isEmpty() && lines.get(lines.size() - 1).time() != null
                    && lines.get(lines.size() - 1).time().isBefore(cutoff)) {
                old.add(k);
            }
        }
        return old;
    }

    public boolean isBanned(String userId) {
        return userId != null && banned.containsKey(userId);
    }

    public long undeliverableCount() {
        return undeliverable.size();
    }

    public long outboxSize() {
        return outbox.size();
    }

    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    public <T> Optional<T> surfaceState(String key, Class<T> type) {
        return Optional.ofNullable(surfaceState.get(key)).map(b -> StoreCodec.decode(b, type));
    }

    public List<OutboxEntry> pendingOutbox(int max) {
        var out = new ArrayList<OutboxEntry>();
        for (byte[] b : outbox.values()) {
            if (out.size() >= max) {
                break;
            }
            if (b == null) {
                continue; // delivered (removed) by the commit thread while this iterator passed by
            }
            out.add(StoreCodec.decode(b, OutboxEntry.class));
        }
        return out;
    }

    void commit() {
        db.commit();
    }

    void rollback() {
        db.rollback();
        lastSeqs.clear(); // they may count lines that were just rolled back
    }

    @Override
    public void close() {
        if (!db.isClosed()) {
            db.close();
        }
    }

    private static String pad(long seq) {
        return String.format("%012d", seq);
    }

    /** The writes of one turn; only the committer thread uses it, between two commits. */
    public final class Tx {
        Tx() {
        }

        public void saveConversation(String key, Encoded conversation) {
            conversations.put(key, conversation.bytes());
        }

        /** @return the first line's seq */
        public long appendTranscript(String key, Encoded lines, int count) {
            long first = lastSeqs.computeIfAbsent(key, Store.this::lastTranscriptSeq) + 1;
            lastSeqs.put(key, first + count - 1);
            transcript.put(key + SEP + pad(first), lines.bytes());
            return first;
        }

        public void saveTicket(Ticket ticket) {
            tickets.put(ticket.number(), StoreCodec.encode(ticket));
            counters.merge("ticket", ticket.number(), Math::max);
            if (!feedFollowers.isEmpty()) {
                ticketFeed.put(counters.merge("ticketFeed", 1L, Long::sum), ticket.number());
            }
        }

        /** Read-modify-write on the commit thread, so concurrent changes to one ticket never lose each other. */
        public Optional<Ticket> updateTicket(long number, java.util.function.UnaryOperator<Ticket> change) {
            Optional<Ticket> updated = ticket(number).map(change);
            updated.ifPresent(this::saveTicket);
            return updated;
        }

        public void voteFaq(String faqId, boolean helpful) {
            faqVotes.merge(faqId + (helpful ? "|up" : "|down"), 1L, Long::sum);
        }

        public void addKnowledgeGap(String query) {
            long id = counters.merge("gap", 1L, Long::sum);
            gaps.put(id, StoreCodec.encode(query));
        }

        public long enqueue(String channel, String conversationKey, String text, List<Button> buttons) {
            return enqueue(new OutboxEntry(0, channel, conversationKey, text, buttons, null));
        }

        /** @param entry its id is assigned here */
        public long enqueue(OutboxEntry entry) {
            long id = counters.merge("outbox", 1L, Long::sum);
            outbox.put(id, StoreCodec.encode(new OutboxEntry(id, entry.channel(), entry.conversationKey(), entry.text(),
                    entry.buttons(), entry.kind())));
            return id;
        }

        public void registerWebSession(String sessionId, Instant created) {
            webSessions.put(sessionId, created.toEpochMilli());
        }

        public void delivered(long outboxId) {
            outbox.remove(outboxId);
        }

        public void partsDelivered(long outboxId, int parts) {
            byte[] entry = outbox.get(outboxId);
            if (entry != null) {
                outbox.put(outboxId, StoreCodec.encode(StoreCodec.decode(entry, OutboxEntry.class).withPartsSent(parts)));
            }
        }

        public void park(long outboxId, String reason) {
            byte[] entry = outbox.remove(outboxId);
            if (entry != null) {
                undeliverable.put(outboxId, StoreCodec.encode(java.util.Map.of("reason", reason == null ? "" : reason,
                        "entry", StoreCodec.decode(entry, OutboxEntry.class))));
            }
        }

        public void removeTranscriptEntries(List<String> entryKeys) {
            entryKeys.forEach(transcript::remove);
        }

        public void ban(String userId, String by, String reason, Instant at) {
            banned.put(userId, StoreCodec.encode(java.util.Map.of("by", by, "reason", reason, "at", at.toString())));
        }

        public void unban(String userId) {
            banned.remove(userId);
        }

        public void setCounter(String name, long value) {
            counters.put(name, value);
        }

        public void putSurfaceState(String key, Object state) {
            surfaceState.put(key, StoreCodec.encode(state));
        }

        /** Drops the feed entries every follower has handled. */
        public void trimTicketFeed() {
            long seq = feedFollowers.stream().mapToLong(f -> counters.getOrDefault(feedCursor(f), 0L)).min().orElse(0);
            var done = ticketFeed.headMap(seq, true);
            var keys = new ArrayList<Long>();
            for (Long k : done.keySet()) {
                keys.add(k);
            }
            keys.forEach(ticketFeed::remove);
        }

        /**
         * Rewrites every string stored for a conversation through {@code redact}: its state, transcript and
         * tickets, and any pending or parked outbox entry and knowledge gap that holds what is redacted.
         */
        public void redactConversation(String conversationKey, java.util.function.UnaryOperator<String> redact) {
            byte[] state = StoreScrub.rewrite(conversations.get(conversationKey), redact);
            if (state != null) {
                conversations.put(conversationKey, state);
            }
            String prefix = conversationKey + SEP;
            StoreScrub.rewriteAll(transcript.subMap(prefix, true, prefix + '\uffff', false), redact, k -> true);
            for (Ticket t : tickets()) {
                if (conversationKey.equals(t.draft().conversationKey())) {
                    byte[] after = StoreScrub.rewrite(tickets.get(t.number()), redact);
                    if (after != null) {
                        saveTicket(StoreCodec.decode(after, Ticket.class)); // through the feed: staff copies follow
                    }
                }
            }
            StoreScrub.rewriteAll(outbox, redact, k -> true);
            StoreScrub.rewriteAll(undeliverable, redact, k -> true);
            StoreScrub.rewriteAll(gaps, redact, k -> true);
        }

        /** See {@link StoreScrub#shred}: a write set of its own, after the redaction is committed. */
        public int shredLeftovers(StoreScrub.LeftoverFinder finder) {
            return StoreScrub.shred(file, finder);
        }

        /**
         * Erases a user: conversation, transcript and the personal fields of their tickets (which stay, closed,
         * for the numbers). Files are the caller's to delete once this is committed.
         */
        public void forget(String conversationKey) {
            conversations.remove(conversationKey);
            String prefix = conversationKey + SEP;
            var keys = new ArrayList<String>();
            for (String k : transcript.subMap(prefix, true, prefix + '\uffff', false).keySet()) {
                keys.add(k);
            }
            keys.forEach(transcript::remove);
            lastSeqs.remove(conversationKey);
            for (Ticket t : tickets()) {
                if (conversationKey.equals(t.draft().conversationKey())) {
                    saveTicket(t.erased(Instant.now()));
                }
            }
        }
    }

    Tx tx() {
        return new Tx();
    }

}

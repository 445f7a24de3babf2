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
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;
import supportbot.dialogue.Attachment;
import supportbot.dialogue.Button;
import supportbot.dialogue.Conversation;
import supportbot.ticket.Ticket;

/**
 * The embedded, transactional store (MapDB with a write-ahead log): conversations (with the platform
 * message ids they have seen), transcripts, tickets, FAQ votes, knowledge gaps and the outbox. Reads are direct; every write
 * goes through {@link GroupCommitter}, which applies a turn's writes and commits them together.
 */
public final class Store implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Store.class);
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
    /** Personal values (state, transcript, tickets, outbox) are sealed under their conversation's key. */
    private final ConversationKeys keys;
    private final Sealer sealer;
    /** The maps whose records re-keying must find by key, not by conversation (their keys say nothing of it). */
    private final SealedIndex<Long> ticketIndex;
    private final SealedIndex<Long> outboxIndex;
    private final SealedIndex<Long> undeliverableIndex;
    private final SealedIndex<Long> gapIndex;

    /** Last transcript seq per conversation, for the commit thread only; bounded, re-read from the tree on a miss. */
    private final Map<String, Long> lastSeqs = new java.util.LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 50_000;
        }
    };

    private Store(DB db, Path file, boolean encrypt) {
        this.db = db;
        this.file = file;
        keys = new ConversationKeys(db);
        sealer = new Sealer(keys, encrypt);
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
        ticketIndex = new SealedIndex<>(tickets);
        outboxIndex = new SealedIndex<>(outbox);
        undeliverableIndex = new SealedIndex<>(undeliverable);
        gapIndex = new SealedIndex<>(gaps);
        db.commit();
    }

    /** Opens (or creates) the store in {@code dataDir}; fails clearly if another process has it open. */
    public static Store open(Path dataDir) {
        return open(dataDir, true);
    }

    /**
     * @param encrypt false writes new values in plain JSON, as before encryption existed: only for measuring
     *                what encryption costs. Sealed values already stored still read either way.
     */
    public static Store open(Path dataDir, boolean encrypt) {
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
            return new Store(AtomicCommitVolume.openDb(file, org.mapdb.volume.FileChannelVol.FACTORY), file, encrypt);
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
        return Optional.ofNullable(conversations.get(key)).flatMap(sealer::open)
                .map(b -> StoreCodec.decode(b, StoredConversation.class));
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

    /**
     * Lines are stored without their seq (the entry's key has the first one), so they can be encoded early.
     * A turn whose key was destroyed has no lines: it reads as erased.
     */
    private List<TranscriptLine> turnLines(String key, byte[] value) {
        long first = firstSeq(key);
        Optional<byte[]> plain = sealer.open(value);
        if (plain.isEmpty()) {
            return List.of();
        }
        List<TranscriptLine> stored = StoreCodec.decode(plain.get(), new com.fasterxml.jackson.core.type.TypeReference<List<TranscriptLine>>() {
        });
        var lines = new ArrayList<TranscriptLine>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            TranscriptLine l = stored.get(i);
            lines.add(new TranscriptLine(first + i, l.from(), l.text(), l.buttons(), l.attachments(), l.time(), l.by()));
        }
        return lines;
    }

    private static long firstSeq(String entryKey) {
        return Long.parseLong(entryKey.substring(entryKey.lastIndexOf(SEP) + 1));
    }

    private long lastTranscriptSeq(String conversationKey) {
        String prefix = conversationKey + SEP;
        var last = transcript.floorEntry(prefix + '\uffff');
        if (last == null || !last.getKey().startsWith(prefix)) {
            return 0;
        }
        List<TranscriptLine> lines = turnLines(last.getKey(), last.getValue());
        // An unreadable last turn still holds its first seq: never hand that out again.
        return lines.isEmpty() ? firstSeq(last.getKey()) : lines.get(lines.size() - 1).seq();
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

    /** Web chat sessions created before {@code before}: the candidates for expiry. */
    public List<String> webSessionsCreatedBefore(Instant before) {
        var out = new ArrayList<String>();
        long limit = before.toEpochMilli();
        for (var e : webSessions.entrySet()) {
            if (e.getValue() < limit) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    public Optional<Ticket> ticket(long number) {
        return Optional.ofNullable(tickets.get(number)).flatMap(sealer::open).map(b -> StoreCodec.decode(b, Ticket.class));
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
            ticket(n).ifPresent(out::add);
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
            if (b != null) {
                sealer.open(b).ifPresent(plain -> out.add(StoreCodec.decode(plain, String.class)));
            }
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
            if (lines.isEmpty() || lines.get(lines.size() - 1).time() != null
                    && lines.get(lines.size() - 1).time().isBefore(cutoff)) {
                old.add(k); // an unreadable turn is an erased one: nothing to keep
            }
        }
        return old;
    }

    /**
     * Conversations last active before {@code cutoff} whose tickets are all resolved or closed: retention
     * erases them whole. One with an open ticket is kept, as the agent still needs what the user said.
     */
    public List<String> conversationsIdleBefore(Instant cutoff) {
        var idle = new ArrayList<String>();
        var openTickets = new java.util.HashSet<String>();
        for (Ticket t : tickets()) {
            if (t.status().open() && t.draft().conversationKey() != null) {
                openTickets.add(t.draft().conversationKey());
            }
        }
        for (String key : keysOf(conversations.keySet())) {
            if (openTickets.contains(key)) {
                continue;
            }
            Optional<Conversation> c = conversation(key);
            Instant last = c.map(Conversation::updatedAt).orElse(null);
            if (c.isEmpty() && conversations.containsKey(key) || last != null && last.isBefore(cutoff)) {
                idle.add(key);
            }
        }
        return idle;
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
            sealer.open(b).ifPresent(plain -> out.add(StoreCodec.decode(plain, OutboxEntry.class)));
        }
        return out;
    }

    void commit() {
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

    void rollback() {
        db.rollback();
        lastSeqs.clear(); // they may count lines that were just rolled back
        keys.rolledBack();
        List.of(ticketIndex, outboxIndex, undeliverableIndex, gapIndex).forEach(SealedIndex::reset);
    }

    /** The conversation's current data key, for tests that look for it in the raw files. */
    Optional<byte[]> currentKey(String conversationKey) {
        return keys.currentId(conversationKey).flatMap(keys::key).map(byte[]::clone);
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

    private static String pad(long seq) {
        return String.format("%012d", seq);
    }

    /** The writes of one turn; only the committer thread uses it, between two commits. */
    public final class Tx {
        Tx() {
        }

        public void saveConversation(String key, Encoded conversation) {
            conversations.put(key, sealer.seal(key, conversation.bytes()));
        }

        /** @return the first line's seq */
        public long appendTranscript(String key, Encoded lines, int count) {
            long first = lastSeqs.computeIfAbsent(key, Store.this::lastTranscriptSeq) + 1;
            lastSeqs.put(key, first + count - 1);
            transcript.put(key + SEP + pad(first), sealer.seal(key, lines.bytes()));
            return first;
        }

        public void saveTicket(Ticket ticket) {
            ticketIndex.put(ticket.number(), sealer.seal(ticket.draft().conversationKey(), StoreCodec.encode(ticket)));
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
            addKnowledgeGap(null, query);
        }

        /** The user's words: sealed under their conversation's key, so /forget takes them out of the gaps too. */
        public void addKnowledgeGap(String conversationKey, String query) {
            long id = counters.merge("gap", 1L, Long::sum);
            gapIndex.put(id, sealer.seal(conversationKey, StoreCodec.encode(query)));
        }

        public long enqueue(String channel, String conversationKey, String text, List<Button> buttons) {
            return enqueue(new OutboxEntry(0, channel, conversationKey, text, buttons, null));
        }

        /** @param entry its id is assigned here */
        public long enqueue(OutboxEntry entry) {
            long id = counters.merge("outbox", 1L, Long::sum);
            outboxIndex.put(id, sealer.seal(entry.conversationKey(), StoreCodec.encode(new OutboxEntry(id, entry.channel(),
                    entry.conversationKey(), entry.text(), entry.buttons(), entry.kind(), 0, entry.attachments()))));
            return id;
        }

        public void registerWebSession(String sessionId, Instant created) {
            webSessions.put(sessionId, created.toEpochMilli());
        }

        /** The session id stops working; its conversation and transcript stay (retention removes them). */
        public void dropWebSession(String sessionId) {
            webSessions.remove(sessionId);
        }

        public void delivered(long outboxId) {
            outboxIndex.remove(outboxId);
        }

        public void partsDelivered(long outboxId, int parts) {
            Optional<OutboxEntry> entry = outboxEntry(outbox.get(outboxId));
            entry.ifPresent(e -> outboxIndex.put(outboxId, sealer.seal(e.conversationKey(), StoreCodec.encode(e.withPartsSent(parts)))));
        }

        public void park(long outboxId, String reason) {
            Optional<OutboxEntry> entry = outboxEntry(outboxIndex.remove(outboxId));
            entry.ifPresent(e -> undeliverableIndex.put(outboxId, sealer.seal(e.conversationKey(), StoreCodec.encode(
                    java.util.Map.of("reason", reason == null ? "" : reason, "entry", e)))));
        }

        /** Removes turns and re-keys their conversations, so what was removed cannot be read back from free space. */
        public void removeTranscriptEntries(List<String> entryKeys) {
            entryKeys.forEach(transcript::remove);
            rekey(entryKeys.stream().map(k -> k.substring(0, k.lastIndexOf(SEP))).distinct().toList());
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
            var ids = new java.util.HashSet<Long>();
            Store.this.keys.currentId(conversationKey).ifPresent(ids::add);
            byte[] state = redacted(conversations.get(conversationKey), conversationKey, ids, redact);
            if (state != null) {
                conversations.put(conversationKey, state);
            }
            String prefix = conversationKey + SEP;
            for (String k : keysOf(transcript.subMap(prefix, true, prefix + '\uffff', false).keySet())) {
                byte[] after = redacted(transcript.get(k), conversationKey, ids, redact);
                if (after != null) {
                    transcript.put(k, after);
                }
            }
            for (Ticket t : tickets()) {
                if (conversationKey.equals(t.draft().conversationKey())) {
                    byte[] after = StoreScrub.rewrite(StoreCodec.encode(t), redact);
                    if (after != null) {
                        saveTicket(StoreCodec.decode(after, Ticket.class)); // through the feed: staff copies follow
                    }
                }
            }
            var candidates = new java.util.HashSet<>(ids);
            candidates.add(SealedIndex.PLAIN);
            redactAll(outbox, outboxIndex, candidates, conversationKey, ids, redact);
            redactAll(undeliverable, undeliverableIndex, candidates, conversationKey, ids, redact);
            redactAll(gaps, gapIndex, candidates, conversationKey, ids, redact);
            // Sealed copies of the secret (older versions of rewritten records, in free space) die with the old key.
            rekey(conversationKey);
        }

        private void redactAll(Map<Long, byte[]> map, SealedIndex<Long> index, java.util.Set<Long> candidates,
                               String conversationKey, java.util.Set<Long> ids,
                               java.util.function.UnaryOperator<String> redact) {
            for (Long k : index.sealedWith(candidates)) {
                byte[] after = redacted(map.get(k), conversationKey, ids, redact);
                if (after != null) {
                    index.put(k, after);
                }
            }
        }

        /**
         * The stored value with every string redacted, sealed again as it was; null when unchanged, or when it
         * was sealed for another conversation (whose records never hold this one's secret).
         */
        private byte[] redacted(byte[] stored, String conversationKey, java.util.Set<Long> ids,
                                java.util.function.UnaryOperator<String> redact) {
            if (stored == null) {
                return null;
            }
            if (!Sealer.isSealed(stored)) {
                return StoreScrub.rewrite(stored, redact);
            }
            if (!ids.contains(Sealer.keyId(stored))) {
                return null;
            }
            byte[] plain = sealer.open(stored).orElse(null);
            byte[] after = plain == null ? null : StoreScrub.rewrite(plain, redact);
            return after == null ? null : sealer.seal(conversationKey, after);
        }

        /**
         * Erases a user: conversation, transcript and the personal fields of their tickets (which stay, closed,
         * for the numbers). Files are the caller's to delete once this is committed.
         */
        public void forget(String conversationKey) {
            erase(List.of(conversationKey), "user");
        }

        /** Retention's erasure of conversations idle too long: the same as the users' own /forget. */
        public void expire(List<String> conversationKeys) {
            erase(conversationKeys, "retention");
        }

        private void erase(List<String> conversationKeys, String by) {
            for (String conversationKey : conversationKeys) {
                conversations.remove(conversationKey);
                String prefix = conversationKey + SEP;
                keysOf(transcript.subMap(prefix, true, prefix + '\uffff', false).keySet()).forEach(transcript::remove);
                lastSeqs.remove(conversationKey);
            }
            var erased = new java.util.HashSet<>(conversationKeys);
            var ids = new java.util.HashSet<Long>();
            conversationKeys.forEach(c -> Store.this.keys.currentId(c).ifPresent(ids::add));
            var ticketsToRead = new java.util.HashSet<>(ids);
            ticketsToRead.add(SealedIndex.PLAIN); // written by an older version: only reading tells whose they are
            for (Long number : ticketIndex.sealedWith(ticketsToRead)) {
                ticket(number).filter(t -> erased.contains(t.draft().conversationKey()))
                        .ifPresent(t -> saveTicket(t.erased(Instant.now(), by)));
            }
            // The user's unanswered questions go too (re-keying would keep them); older plain ones cannot be told apart.
            for (Long id : gapIndex.sealedWith(ids)) {
                byte[] value = gaps.get(id);
                if (value != null && Sealer.isSealed(value) && ids.contains(Sealer.keyId(value))) {
                    gapIndex.remove(id);
                }
            }
            rekey(conversationKeys);
        }

        /**
         * Rewrites the conversation's transcript lines through {@code redact} (a secret cut out after the fact)
         * and re-keys the conversation, so the old text is gone from free space too.
         *
         * @return how many lines changed
         */
        public int redactTranscript(String conversationKey, java.util.function.UnaryOperator<String> redact) {
            String prefix = conversationKey + SEP;
            int changed = 0;
            for (String k : keysOf(transcript.subMap(prefix, true, prefix + '\uffff', false).keySet())) {
                var lines = new ArrayList<TranscriptLine>();
                boolean entryChanged = false;
                for (TranscriptLine l : turnLines(k, transcript.get(k))) {
                    String text = l.text() == null ? null : redact.apply(l.text());
                    if (!java.util.Objects.equals(text, l.text())) {
                        entryChanged = true;
                        changed++;
                    }
                    lines.add(new TranscriptLine(0, l.from(), text, l.buttons(), l.attachments(), l.time(), l.by()));
                }
                if (entryChanged) {
                    transcript.put(k, sealer.seal(conversationKey, StoreCodec.encode(lines)));
                }
            }
            if (changed > 0) {
                rekey(conversationKey);
            }
            return changed;
        }

        /**
         * Crypto-shredding: seals what the conversation still has under a new key and destroys the old one, so
         * every copy the old key sealed (removed records, older versions of rewritten ones, left in the data
         * file's free space) can no longer be read. Call it after cutting anything out of a conversation.
         */
        public void rekey(String conversationKey) {
            rekey(List.of(conversationKey));
        }

        /** Many conversations with one pass over each map. */
        private void rekey(java.util.Collection<String> conversationKeys) {
            var owners = new java.util.HashMap<Long, String>();
            for (String c : conversationKeys) {
                Store.this.keys.currentId(c).ifPresent(id -> owners.put(id, c));
            }
            if (owners.isEmpty()) {
                return; // nothing of theirs was ever sealed
            }
            var inTranscript = new ArrayList<String>();
            for (String c : owners.values()) {
                inTranscript.addAll(keysOf(transcript.subMap(c + SEP, true, c + SEP + '\uffff', false).keySet()));
            }
            var ids = owners.keySet();
            var reseal = List.of(resealer(conversations, conversations::put, List.copyOf(owners.values()), owners),
                    resealer(transcript, transcript::put, inTranscript, owners),
                    resealer(tickets, ticketIndex::put, ticketIndex.sealedWith(ids), owners),
                    resealer(outbox, outboxIndex::put, outboxIndex.sealedWith(ids), owners),
                    resealer(undeliverable, undeliverableIndex::put, undeliverableIndex.sealedWith(ids), owners),
                    resealer(gaps, gapIndex::put, gapIndex.sealedWith(ids), owners));
            owners.values().forEach(Store.this.keys::destroy);
            reseal.forEach(Runnable::run);
        }

        /** Opens now, under the old keys, what they sealed among {@code candidates}; seals it again when run. */
        private <K> Runnable resealer(Map<K, byte[]> map, java.util.function.BiConsumer<K, byte[]> put, List<K> candidates,
                                      Map<Long, String> owners) {
            var plain = new java.util.LinkedHashMap<K, byte[]>();
            var owner = new java.util.HashMap<K, String>();
            for (K k : candidates) {
                byte[] value = map.get(k);
                String conversationKey = value != null && Sealer.isSealed(value) ? owners.get(Sealer.keyId(value)) : null;
                if (conversationKey != null) {
                    sealer.open(value).ifPresent(p -> {
                        plain.put(k, p);
                        owner.put(k, conversationKey);
                    });
                }
            }
            return () -> plain.forEach((k, p) -> put.accept(k, sealer.seal(owner.get(k), p)));
        }
    }

    /** By plain iteration: MapDB's key spliterator reports a fixed size that concurrent writes break. */
    private static <K> List<K> keysOf(Iterable<K> keys) {
        var out = new ArrayList<K>();
        for (K k : keys) {
            out.add(k);
        }
        return out;
    }

    private Optional<OutboxEntry> outboxEntry(byte[] stored) {
        return Optional.ofNullable(stored).flatMap(sealer::open).map(b -> StoreCodec.decode(b, OutboxEntry.class));
    }

    Tx tx() {
        return new Tx();
    }

}

package supportbot.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import supportbot.dialogue.Button;
import supportbot.dialogue.Conversation;
import supportbot.store.mapdb.MapDbBackend;
import supportbot.ticket.Ticket;

/**
 * The transactional store: conversations (with the platform message ids they have seen), transcripts, tickets,
 * FAQ votes, knowledge gaps and the outbox, kept by a {@link StoreBackend} (an embedded MapDB file, or
 * PostgreSQL). This class holds the rules both share: values sealed per conversation, erasure by re-keying,
 * transcript numbering. Reads are direct; every write goes through {@link GroupCommitter}, which applies a
 * turn's writes and commits them together.
 */
public final class Store implements AutoCloseable {
    public static final String FILE_NAME = MapDbBackend.FILE_NAME;
    private static final char SEP = '\u0000';

    private final StoreBackend backend;
    /** Personal values (state, transcript, tickets, outbox) are sealed under their conversation's key. */
    private final KeyVault keys;
    private final Sealer sealer;
    /** Staff surfaces following the feed; none means no feed is kept (nobody would trim it). */
    private final Set<String> feedFollowers = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Last transcript seq per conversation, for the commit thread only; bounded, re-read on a miss. */
    /**
     * When other instances write too, the last seq is trusted only while the conversation is at the version this
     * process wrote with it (commit thread only).
     */
    private final Map<String, Long> seqVersions = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 50_000;
        }
    };

    private final Map<String, Long> lastSeqs = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > 50_000;
        }
    };

    private Store(StoreBackend backend, boolean encrypt) {
        this.backend = backend;
        this.keys = backend.keys();
        this.sealer = new Sealer(keys, encrypt);
        backend.readTicketsWith(b -> sealer.open(b).map(plain -> columns(StoreCodec.decode(plain, Ticket.class))));
        labelOutbox();
    }

    /** Pending entries from before the outbox had routing labels get them, or no instance would claim them. */
    private void labelOutbox() {
        List<Long> unlabelled = backend.outbox().unlabelled();
        for (Long id : unlabelled) {
            outboxEntry(backend.outbox().pending().get(id).orElse(null))
                    .ifPresent(e -> backend.outbox().label(id, e.channel(), e.conversationKey()));
        }
    }

    /** Opens (or creates) the embedded store in {@code dataDir}; fails clearly if another process has it open. */
    public static Store open(Path dataDir) {
        return open(dataDir, true);
    }

    /**
     * @param encrypt false writes new values in plain JSON, as before encryption existed: only for measuring
     *                what encryption costs. Sealed values already stored still read either way.
     */
    public static Store open(Path dataDir, boolean encrypt) {
        return over(MapDbBackend.open(dataDir), encrypt);
    }

    /** The store over any backend; closing the store closes it. */
    public static Store over(StoreBackend backend) {
        return over(backend, true);
    }

    public static Store over(StoreBackend backend, boolean encrypt) {
        return new Store(backend, encrypt);
    }

    /** The data file, or null when the data is on a database server. */
    public Path file() {
        return backend.file().orElse(null);
    }

    /** Where the data is, for messages (no credentials). */
    public String location() {
        return backend.describe();
    }

    public Optional<Conversation> conversation(String key) {
        return stored(key).map(StoredConversation::conversation);
    }

    /** The conversation with the platform message ids it has seen lately, read in one go. */
    public Optional<StoredConversation> stored(String key) {
        return backend.conversations().get(key).flatMap(sealer::open)
                .map(b -> StoreCodec.decode(b, StoredConversation.class));
    }

    /** A conversation as read for a turn, with the version its write will be checked against. */
    public record Read(StoredConversation conversation, long version) {
        /** Not checked at commit: state that only this process writes (one process on the store, or a cache of it). */
        public static final long UNCHECKED = -1;

        public static Read unchecked(StoredConversation conversation) {
            return new Read(conversation, UNCHECKED);
        }
    }

    /**
     * True when other instances write this store too: a turn must then read fresh state ({@link #read}) and
     * not trust what this process remembers of it.
     */
    public boolean shared() {
        return backend.shared();
    }

    /** The conversation with its version, in one read (a key that could not open it reads as absent). */
    public Read read(String key) {
        return backend.conversations().getVersioned(key).map(v -> new Read(sealer.open(v.value())
                        .map(b -> StoreCodec.decode(b, StoredConversation.class)).orElse(null), v.version()))
                .orElse(new Read(null, ConversationRepository.ABSENT));
    }

    /**
     * The next ticket number: from the database when instances share it (never twice, gaps after a rollback),
     * else {@code empty} and the caller counts.
     */
    public java.util.OptionalLong nextTicketNumber() {
        return backend.tickets().nextNumber();
    }

    /**
     * Pending outbox entries {@code claimant} may send now, oldest first (see {@link OutboxRepository#claim}).
     * On one process, simply the first pending entries.
     */
    public List<OutboxEntry> claimOutbox(String claimant, Collection<String> channels, int max, java.time.Duration lease) {
        var out = new ArrayList<OutboxEntry>();
        for (byte[] b : backend.outbox().claim(claimant, channels, max, lease)) {
            sealer.open(b).ifPresent(plain -> out.add(StoreCodec.decode(plain, OutboxEntry.class)));
        }
        return out;
    }

    public void renewOutbox(String claimant, java.time.Duration lease) {
        backend.outbox().renew(claimant, lease);
    }

    /** Another instance may send what {@code claimant} held at once, without waiting for its lease to end. */
    public void releaseOutbox(String claimant) {
        backend.outbox().release(claimant);
    }

    /** Rates every instance shares, when the store is shared; empty where one process keeps its own. */
    public Optional<RateBuckets> sharedRates() {
        return backend.shared() ? Optional.of(backend.rateBuckets()) : Optional.empty();
    }

    /** Forgets inbound ids older than {@code before}; nothing to do where they live in the conversation record. */
    public int trimInboundIds(Instant before) {
        return backend.shared() ? backend.inboundIds().removeBefore(before) : 0;
    }

    public long conversationCount() {
        return backend.conversations().count();
    }

    /** Every conversation key (for copying a store). */
    public List<String> conversationKeys() {
        return backend.conversations().keys();
    }

    /** Lines with seq greater than {@code afterSeq}, in order. */
    public List<TranscriptLine> transcript(String conversationKey, long afterSeq) {
        var out = new ArrayList<TranscriptLine>();
        // A turn's lines share one entry keyed by its first seq, so start at the entry holding afterSeq + 1.
        for (TranscriptRepository.Entry e : backend.transcript().from(conversationKey, afterSeq + 1)) {
            for (TranscriptLine line : turnLines(e.firstSeq(), e.value())) {
                if (line.seq() > afterSeq) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    /**
     * Lines are stored without their seq (the entry's key has the first one), so they can be encoded early.
     * A turn whose key was destroyed has no lines: it reads as erased.
     */
    private List<TranscriptLine> turnLines(long first, byte[] value) {
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

    private long lastTranscriptSeq(String conversationKey) {
        return backend.transcript().last(conversationKey).map(last -> {
            List<TranscriptLine> lines = turnLines(last.firstSeq(), last.value());
            // An unreadable last turn still holds its first seq: never hand that out again.
            return lines.isEmpty() ? last.firstSeq() : lines.get(lines.size() - 1).seq();
        }).orElse(0L);
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
        return backend.webSessions().exists(sessionId);
    }

    /** Web chat sessions created before {@code before}: the candidates for expiry. */
    public List<String> webSessionsCreatedBefore(Instant before) {
        return backend.webSessions().createdBefore(before.toEpochMilli());
    }

    /** A desk sign-in by the hash of its session id; idle ones are still returned (the desk judges them). */
    public Optional<DeskSessionRepository.Row> deskSession(String idHash) {
        return backend.deskSessions().get(idHash);
    }

    /** Every web session with when it was made (for copying a store). */
    public Map<String, Instant> webSessions() {
        var out = new HashMap<String, Instant>();
        backend.webSessions().all().forEach((id, millis) -> out.put(id, Instant.ofEpochMilli(millis)));
        return out;
    }

    public Optional<Ticket> ticket(long number) {
        return backend.tickets().get(number).flatMap(sealer::open).map(b -> StoreCodec.decode(b, Ticket.class));
    }

    /** Every ticket, oldest number first. */
    public List<Ticket> tickets() {
        return ticketsNumbered(backend.tickets().ids());
    }

    /** The tickets not yet resolved or closed, oldest number first: found by column, not by opening every one. */
    public List<Ticket> openTickets() {
        return ticketsNumbered(backend.tickets().openNumbers());
    }

    private List<Ticket> ticketsNumbered(List<Long> numbers) {
        var out = new ArrayList<Ticket>(numbers.size());
        for (Long n : numbers) {
            ticket(n).ifPresent(out::add);
        }
        return out;
    }

    public long lastTicketNumber() {
        return backend.counters().get("ticket");
    }

    /** Helpful and unhelpful FAQ votes per FAQ id: [helpful, unhelpful]. */
    public Map<String, long[]> faqVotes() {
        var out = new java.util.TreeMap<String, long[]>();
        backend.feedback().votes().forEach((key, count) -> {
            int bar = key.lastIndexOf('|');
            long[] pair = out.computeIfAbsent(key.substring(0, bar), k -> new long[2]);
            pair[key.endsWith("|up") ? 0 : 1] += count;
        });
        return out;
    }

    public List<String> knowledgeGaps() {
        var out = new ArrayList<String>();
        for (byte[] b : backend.feedback().gaps().first(Integer.MAX_VALUE)) {
            sealer.open(b).ifPresent(plain -> out.add(StoreCodec.decode(plain, String.class)));
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
        return backend.tickets().feedAfter(afterSeq, max);
    }

    private static String entryKey(String conversationKey, long firstSeq) {
        return conversationKey + SEP + String.format("%012d", firstSeq);
    }

    private static String conversationOf(String entryKey) {
        return entryKey.substring(0, entryKey.lastIndexOf(SEP));
    }

    private static long firstSeqOf(String entryKey) {
        return Long.parseLong(entryKey.substring(entryKey.lastIndexOf(SEP) + 1));
    }

    /** Transcript turns (entry keys) whose last line is older than {@code cutoff}. */
    public List<String> transcriptEntriesBefore(Instant cutoff) {
        var old = new ArrayList<String>();
        for (TranscriptRepository.Entry e : backend.transcript().allKeys()) {
            byte[] value = backend.transcript().get(e.conversationKey(), e.firstSeq()).orElse(null);
            if (value == null) {
                continue;
            }
            List<TranscriptLine> lines = turnLines(e.firstSeq(), value);
            if (lines.isEmpty() || lines.get(lines.size() - 1).time() != null
                    && lines.get(lines.size() - 1).time().isBefore(cutoff)) {
                old.add(entryKey(e.conversationKey(), e.firstSeq())); // an unreadable turn is an erased one
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
        Set<String> openTickets = backend.tickets().conversationsWithOpenTickets();
        for (String key : backend.conversations().keys()) {
            if (openTickets.contains(key)) {
                continue;
            }
            Optional<Conversation> c = conversation(key);
            Instant last = c.map(Conversation::updatedAt).orElse(null);
            if (c.isEmpty() && backend.conversations().contains(key) || last != null && last.isBefore(cutoff)) {
                idle.add(key);
            }
        }
        return idle;
    }

    public boolean isBanned(String userId) {
        return userId != null && backend.bans().get(userId).isPresent();
    }

    /** Every ban as stored (for copying a store). */
    public Map<String, byte[]> bans() {
        return backend.bans().all();
    }

    /** The person a contact is linked into, if any. */
    public Optional<ContactLink> contactLink(String contact) {
        return backend.contactLinks().get(contact).map(b -> StoreCodec.decode(b, ContactLink.class));
    }

    /** Every link of every person (a short list: only linked contacts are in it). */
    public List<ContactLink> contactLinks() {
        var out = new ArrayList<ContactLink>();
        backend.contactLinks().all().values().forEach(b -> out.add(StoreCodec.decode(b, ContactLink.class)));
        return out;
    }

    /** The contacts of one person, oldest link first. */
    public List<ContactLink> personContacts(String person) {
        return contactLinks().stream().filter(l -> l.person().equals(person))
                .sorted(java.util.Comparator.comparing(ContactLink::linkedAt).thenComparing(ContactLink::contact)).toList();
    }

    /** A pending code as the user typed it (any case, with or without the dash); empty when unknown or used. */
    public Optional<LinkCode> linkCode(String code) {
        return backend.linkCodes().get(codeHash(code)).map(b -> StoreCodec.decode(b, LinkCode.class));
    }

    /** Codes are kept only as this hash: a copy of the store shows no code that could still be used. */
    static String codeHash(String code) {
        String normal = code.strip().replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(normal.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public long undeliverableCount() {
        return backend.outbox().parked().count();
    }

    public long outboxSize() {
        return backend.outbox().pending().count();
    }

    public long counter(String name) {
        return backend.counters().get(name);
    }

    /** Every counter (for copying a store). */
    public Map<String, Long> counters() {
        return backend.counters().all();
    }

    public <T> Optional<T> surfaceState(String key, Class<T> type) {
        return backend.surfaceState().get(key).map(b -> StoreCodec.decode(b, type));
    }

    public List<OutboxEntry> pendingOutbox(int max) {
        var out = new ArrayList<OutboxEntry>();
        for (byte[] b : backend.outbox().pending().first(max)) {
            sealer.open(b).ifPresent(plain -> out.add(StoreCodec.decode(plain, OutboxEntry.class)));
        }
        return out;
    }

    /** The backend itself, for copying one store into another: the raw sealed values go across unopened. */
    public StoreBackend backend() {
        return backend;
    }

    void commit() {
        backend.commit();
    }

    void rollback() {
        backend.rollback();
        lastSeqs.clear(); // they may count lines that were just rolled back
        seqVersions.clear();
    }

    /** The conversation's current data key, for tests that look for it in the raw files. */
    Optional<byte[]> currentKey(String conversationKey) {
        return keys.currentId(conversationKey).flatMap(keys::key).map(byte[]::clone);
    }

    @Override
    public void close() {
        backend.close();
    }

    static TicketRepository.Columns columns(Ticket t) {
        return new TicketRepository.Columns(t.status().label(), t.status().open(), t.assignee(), t.draft().categoryId(),
                t.draft().conversationKey());
    }

    /** A transcript entry's address, for re-keying across conversations. */
    private record EntryAddress(String conversationKey, long firstSeq) {
    }

    /** The writes of one turn; only the committer thread uses it, between two commits. */
    public final class Tx {
        /** Versions this group's turns found current at their check, and wrote (shared stores only). */
        private final Map<String, Long> checkedVersions = new HashMap<>();
        private final Map<String, Long> writtenVersions = new HashMap<>();

        Tx() {
            backend.begin();
        }

        /**
         * First in a turn's writes, one round trip after the conversation's lock: the conversation must still be
         * at the version the turn read, else {@link ConversationChanged}; and the platform message must not have
         * been handled on any instance, else {@link DuplicateInbound}. Either is thrown before anything is
         * written, and the turn's group commits without it. A store only this process writes checks nothing: its
         * lanes order the turns, and the conversation record's window of seen ids drops duplicates.
         *
         * @param versionRead {@link Read#UNCHECKED} checks no version
         * @param messageId   null records none
         */
        public void claimTurn(String key, long versionRead, String messageId, Instant at) {
            if (!backend.shared() || versionRead == Read.UNCHECKED && messageId == null) {
                return;
            }
            backend.lockConversation(key);
            switch (backend.inboundIds().checkTurn(key, versionRead, messageId, at)) {
                case CHANGED -> throw new ConversationChanged();
                case DUPLICATE -> throw new DuplicateInbound();
                case CURRENT -> {
                    if (versionRead >= 0) {
                        checkedVersions.put(key, versionRead);
                    }
                }
            }
        }

        public void claimConversation(String key, long versionRead) {
            claimTurn(key, versionRead, null, null);
        }

        public void recordInbound(String conversationKey, String messageId, Instant at) {
            claimTurn(conversationKey, Read.UNCHECKED, messageId, at);
        }

        public void saveConversation(String key, Encoded conversation) {
            backend.lockConversation(key);
            byte[] sealed = sealer.seal(key, conversation.bytes());
            if (backend.shared()) {
                writtenVersions.put(key, backend.conversations().putVersioned(key, sealed));
            } else {
                backend.conversations().put(key, sealed);
            }
        }

        /** @return the first line's seq */
        public long appendTranscript(String key, Encoded lines, int count) {
            backend.lockConversation(key);
            // Shared: another instance may have appended since; the lock just taken makes the read exact.
            long first;
            if (backend.shared()) {
                // Another instance may have appended since; unless the turn's check found the version this
                // process last wrote, read the last seq (under the lock just taken, so exactly).
                Long checked = checkedVersions.get(key);
                Long known = lastSeqs.get(key);
                boolean current = checked != null && known != null && checked.equals(seqVersions.get(key));
                first = (current ? known : lastTranscriptSeq(key)) + 1;
                Long written = writtenVersions.get(key);
                if (written != null) {
                    seqVersions.put(key, written);
                } else {
                    seqVersions.remove(key);
                }
            } else {
                first = lastSeqs.computeIfAbsent(key, Store.this::lastTranscriptSeq) + 1;
            }
            lastSeqs.put(key, first + count - 1);
            backend.transcript().put(key, first, sealer.seal(key, lines.bytes()));
            return first;
        }

        public void saveTicket(Ticket ticket) {
            backend.tickets().save(ticket.number(), sealer.seal(ticket.draft().conversationKey(), StoreCodec.encode(ticket)),
                    columns(ticket));
            backend.counters().raise("ticket", ticket.number());
            if (!feedFollowers.isEmpty()) {
                backend.tickets().feedAppend(backend.counters().add("ticketFeed", 1L), ticket.number());
            }
        }

        /** Read-modify-write on the commit thread, so concurrent changes to one ticket never lose each other. */
        public Optional<Ticket> updateTicket(long number, UnaryOperator<Ticket> change) {
            Optional<Ticket> updated = backend.tickets().getForUpdate(number).flatMap(sealer::open)
                    .map(b -> StoreCodec.decode(b, Ticket.class)).map(change);
            updated.ifPresent(this::saveTicket);
            return updated;
        }

        public void voteFaq(String faqId, boolean helpful) {
            backend.feedback().vote(faqId + (helpful ? "|up" : "|down"));
        }

        public void addKnowledgeGap(String query) {
            addKnowledgeGap(null, query);
        }

        /** The user's words: sealed under their conversation's key, so /forget takes them out of the gaps too. */
        public void addKnowledgeGap(String conversationKey, String query) {
            long id = backend.counters().add("gap", 1L);
            backend.feedback().gaps().put(id, sealer.seal(conversationKey, StoreCodec.encode(query)));
        }

        public long enqueue(String channel, String conversationKey, String text, List<Button> buttons) {
            return enqueue(new OutboxEntry(0, channel, conversationKey, text, buttons, null));
        }

        /** @param entry its id is assigned here */
        public long enqueue(OutboxEntry entry) {
            long id = backend.counters().add("outbox", 1L);
            backend.outbox().add(id, entry.channel(), entry.conversationKey(), sealer.seal(entry.conversationKey(), StoreCodec.encode(new OutboxEntry(id,
                    entry.channel(), entry.conversationKey(), entry.text(), entry.buttons(), entry.kind(), 0,
                    entry.attachments()))));
            return id;
        }

        public void registerWebSession(String sessionId, Instant created) {
            backend.webSessions().put(sessionId, created.toEpochMilli());
        }

        /** The session id stops working; its conversation and transcript stay (retention removes them). */
        public void dropWebSession(String sessionId) {
            backend.webSessions().remove(sessionId);
        }

        /** Opens a desk sign-in, or records that it was used at {@code lastSeen}. */
        public void putDeskSession(String idHash, String agent, Instant lastSeen) {
            backend.deskSessions().put(idHash, new DeskSessionRepository.Row(agent, lastSeen.toEpochMilli()));
        }

        public void dropDeskSession(String idHash) {
            backend.deskSessions().remove(idHash);
        }

        /** @return how many sign-ins unused since {@code cutoff} were dropped */
        public int dropDeskSessionsIdleSince(Instant cutoff) {
            List<String> idle = backend.deskSessions().idleBefore(cutoff.toEpochMilli());
            idle.forEach(backend.deskSessions()::remove);
            return idle.size();
        }

        public void delivered(long outboxId) {
            backend.outbox().pending().remove(outboxId);
        }

        public void partsDelivered(long outboxId, int parts) {
            Optional<OutboxEntry> entry = outboxEntry(backend.outbox().pending().get(outboxId).orElse(null));
            entry.ifPresent(e -> backend.outbox().pending().put(outboxId,
                    sealer.seal(e.conversationKey(), StoreCodec.encode(e.withPartsSent(parts)))));
        }

        public void park(long outboxId, String reason) {
            Optional<OutboxEntry> entry = outboxEntry(backend.outbox().pending().remove(outboxId).orElse(null));
            entry.ifPresent(e -> backend.outbox().parked().put(outboxId, sealer.seal(e.conversationKey(), StoreCodec.encode(
                    Map.of("reason", reason == null ? "" : reason, "entry", e)))));
        }

        /** Removes turns and re-keys their conversations, so what was removed cannot be read back from free space. */
        public void removeTranscriptEntries(List<String> entryKeys) {
            entryKeys.forEach(k -> backend.transcript().remove(conversationOf(k), firstSeqOf(k)));
            rekey(entryKeys.stream().map(Store::conversationOf).distinct().toList());
        }

        public void ban(String userId, String by, String reason, Instant at) {
            backend.bans().put(userId, StoreCodec.encode(Map.of("by", by, "reason", reason, "at", at.toString())));
        }

        public void unban(String userId) {
            backend.bans().remove(userId);
        }

        public void putLinkCode(String code, LinkCode pending) {
            backend.linkCodes().put(codeHash(code), StoreCodec.encode(pending));
        }

        public void removeLinkCode(String code) {
            backend.linkCodes().remove(codeHash(code));
        }

        public void putContactLink(ContactLink link) {
            backend.contactLinks().put(link.contact(), StoreCodec.encode(link));
        }

        /**
         * Makes two contacts one person: a contact without a person joins the other's; two persons become one.
         * The links given carry each contact's channel and conversation; their person field is ignored.
         *
         * @return the person they now share
         */
        public String linkContacts(ContactLink a, ContactLink b) {
            Optional<ContactLink> la = contactLink(a.contact());
            Optional<ContactLink> lb = contactLink(b.contact());
            if (la.isPresent() && lb.isPresent() && la.get().person().equals(lb.get().person())) {
                return la.get().person();
            }
            String person = la.map(ContactLink::person).or(() -> lb.map(ContactLink::person))
                    .orElseGet(() -> "p-" + java.util.UUID.randomUUID());
            if (la.isPresent() && lb.isPresent()) {
                for (ContactLink moved : personContacts(lb.get().person())) {
                    putContactLink(new ContactLink(moved.contact(), person, moved.channel(), moved.conversationKey(),
                            moved.linkedAt(), moved.linkedBy()));
                }
            }
            if (la.isEmpty()) {
                putContactLink(new ContactLink(a.contact(), person, a.channel(), a.conversationKey(), a.linkedAt(), a.linkedBy()));
            }
            if (lb.isEmpty()) {
                putContactLink(new ContactLink(b.contact(), person, b.channel(), b.conversationKey(), b.linkedAt(), b.linkedBy()));
            }
            return person;
        }

        /**
         * Refuses the write set, before it writes anything, when the code the engine found valid is gone (another
         * turn used it a moment ago) or has expired: a turn that tells the user "linked" must link.
         */
        public void requireLinkCode(String code, Instant at) {
            if (linkCode(code).filter(c -> c.validAt(at)).isEmpty()) {
                throw new LinkCodeGone();
            }
        }

        /**
         * Uses up a code the engine found valid, joining its contact and {@code redeemer}. Checked again here, on the
         * commit thread: of two turns sending the same code at once, only the first links anything.
         *
         * @return whether the code was still there and valid
         */
        public boolean redeemLinkCode(String code, ContactLink redeemer) {
            Optional<LinkCode> pending = linkCode(code).filter(c -> c.validAt(redeemer.linkedAt()));
            removeLinkCode(code);
            if (pending.isEmpty()) {
                return false;
            }
            LinkCode c = pending.get();
            linkContacts(new ContactLink(c.contact(), null, c.channel(), c.conversationKey(), redeemer.linkedAt(),
                    redeemer.linkedBy()), redeemer);
            return true;
        }

        /**
         * Takes contacts out of their persons. A person left with a single contact links nothing, so that last
         * link goes too.
         */
        public void unlinkContacts(Collection<String> contacts) {
            var persons = new HashSet<String>();
            for (String contact : contacts) {
                contactLink(contact).ifPresent(l -> persons.add(l.person()));
                backend.contactLinks().remove(contact);
            }
            for (String person : persons) {
                List<ContactLink> left = personContacts(person);
                if (left.size() == 1) {
                    backend.contactLinks().remove(left.get(0).contact());
                }
            }
        }

        public void setCounter(String name, long value) {
            backend.counters().set(name, value);
        }

        /** Raises the counter to {@code value} unless it is higher already: a cursor that only moves forward. */
        public void raiseCounter(String name, long value) {
            backend.counters().raise(name, value);
        }

        public void putSurfaceState(String key, Object state) {
            backend.surfaceState().put(key, StoreCodec.encode(state));
        }

        /**
         * Keeps {@code state} unless {@code key} already holds a value, and returns what is kept. Instances that
         * race here all get the first one's value: the key is locked until the transaction ends.
         */
        public <T> T putSurfaceStateIfAbsent(String key, T state, Class<T> type) {
            backend.lockConversation("surface-state:" + key);
            Optional<byte[]> kept = backend.surfaceState().get(key);
            if (kept.isPresent()) {
                return StoreCodec.decode(kept.get(), type);
            }
            backend.surfaceState().put(key, StoreCodec.encode(state));
            return state;
        }

        /** Drops the feed entries every follower has handled. */
        public void trimTicketFeed() {
            long seq = feedFollowers.stream().mapToLong(f -> backend.counters().get(feedCursor(f))).min().orElse(0);
            backend.tickets().feedTrim(seq);
        }

        /**
         * Rewrites every string stored for a conversation through {@code redact}: its state, transcript and
         * tickets, and any pending or parked outbox entry and knowledge gap that holds what is redacted.
         */
        public void redactConversation(String conversationKey, UnaryOperator<String> redact) {
            var ids = new HashSet<Long>();
            keys.currentId(conversationKey).ifPresent(ids::add);
            var conversations = backend.conversations();
            byte[] state = redacted(conversations.get(conversationKey).orElse(null), conversationKey, ids, redact);
            if (state != null) {
                conversations.put(conversationKey, state);
            }
            var transcript = backend.transcript();
            for (long first : transcript.firstSeqs(conversationKey)) {
                byte[] after = redacted(transcript.get(conversationKey, first).orElse(null), conversationKey, ids, redact);
                if (after != null) {
                    transcript.put(conversationKey, first, after);
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
            var candidates = new HashSet<>(ids);
            candidates.add(SealedValues.PLAIN);
            redactAll(backend.outbox().pending(), candidates, conversationKey, ids, redact);
            redactAll(backend.outbox().parked(), candidates, conversationKey, ids, redact);
            redactAll(backend.feedback().gaps(), candidates, conversationKey, ids, redact);
            // Sealed copies of the secret (older versions of rewritten records, in free space) die with the old key.
            rekey(conversationKey);
        }

        private void redactAll(SealedRecords records, Set<Long> candidates, String conversationKey, Set<Long> ids,
                               UnaryOperator<String> redact) {
            for (Long k : records.sealedWith(candidates)) {
                byte[] after = redacted(records.get(k).orElse(null), conversationKey, ids, redact);
                if (after != null) {
                    records.put(k, after);
                }
            }
        }

        /**
         * The stored value with every string redacted, sealed again as it was; null when unchanged, or when it
         * was sealed for another conversation (whose records never hold this one's secret).
         */
        private byte[] redacted(byte[] stored, String conversationKey, Set<Long> ids, UnaryOperator<String> redact) {
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
            unlinkErased(conversationKeys);
            var transcript = backend.transcript();
            for (String conversationKey : conversationKeys) {
                backend.lockConversation(conversationKey);
                backend.conversations().remove(conversationKey);
                transcript.firstSeqs(conversationKey).forEach(first -> transcript.remove(conversationKey, first));
                lastSeqs.remove(conversationKey);
                seqVersions.remove(conversationKey);
            }
            var erased = new HashSet<>(conversationKeys);
            var ids = new HashSet<Long>();
            conversationKeys.forEach(c -> keys.currentId(c).ifPresent(ids::add));
            var ticketsToRead = new HashSet<>(ids);
            ticketsToRead.add(SealedValues.PLAIN); // written by an older version: only reading tells whose they are
            for (Long number : backend.tickets().sealedWith(ticketsToRead)) {
                ticket(number).filter(t -> erased.contains(t.draft().conversationKey()))
                        .ifPresent(t -> saveTicket(t.erased(Instant.now(), by)));
            }
            // The user's unanswered questions go too (re-keying would keep them); older plain ones cannot be told apart.
            SealedRecords gaps = backend.feedback().gaps();
            for (Long id : gaps.sealedWith(ids)) {
                byte[] value = gaps.get(id).orElse(null);
                if (value != null && Sealer.isSealed(value) && ids.contains(Sealer.keyId(value))) {
                    gaps.remove(id);
                }
            }
            rekey(conversationKeys);
        }

        /**
         * An erased user is no longer anyone's other contact: their links and the codes they asked for go, named
         * by their user id (read before the conversation goes) or by the conversation itself.
         */
        private void unlinkErased(List<String> conversationKeys) {
            var erased = new HashSet<>(conversationKeys);
            var contacts = new HashSet<String>();
            for (String key : conversationKeys) {
                conversation(key).ifPresent(c -> {
                    contacts.add(supportbot.dialogue.ContactKey.of(c.channel(), c.userId(), key));
                    contacts.add(supportbot.dialogue.ContactKey.of(c.channel(), null, key));
                });
            }
            var links = backend.contactLinks().all();
            if (!links.isEmpty()) {
                for (ContactLink l : contactLinks()) {
                    if (erased.contains(l.conversationKey())) {
                        contacts.add(l.contact());
                    }
                }
                unlinkContacts(contacts);
            }
            var codes = backend.linkCodes();
            new HashMap<>(codes.all()).forEach((hash, value) -> {
                LinkCode code = StoreCodec.decode(value, LinkCode.class);
                if (contacts.contains(code.contact()) || erased.contains(code.conversationKey())) {
                    codes.remove(hash);
                }
            });
        }

        /**
         * Rewrites the conversation's transcript lines through {@code redact} (a secret cut out after the fact)
         * and re-keys the conversation, so the old text is gone from free space too.
         *
         * @return how many lines changed
         */
        public int redactTranscript(String conversationKey, UnaryOperator<String> redact) {
            var transcript = backend.transcript();
            int changed = 0;
            for (long first : transcript.firstSeqs(conversationKey)) {
                var lines = new ArrayList<TranscriptLine>();
                boolean entryChanged = false;
                for (TranscriptLine l : turnLines(first, transcript.get(conversationKey, first).orElseThrow())) {
                    String text = l.text() == null ? null : redact.apply(l.text());
                    if (!java.util.Objects.equals(text, l.text())) {
                        entryChanged = true;
                        changed++;
                    }
                    lines.add(new TranscriptLine(0, l.from(), text, l.buttons(), l.attachments(), l.time(), l.by()));
                }
                if (entryChanged) {
                    transcript.put(conversationKey, first, sealer.seal(conversationKey, StoreCodec.encode(lines)));
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
         * file's free space or a database's dead rows) can no longer be read. Call it after cutting anything out
         * of a conversation.
         */
        public void rekey(String conversationKey) {
            rekey(List.of(conversationKey));
        }

        /** Many conversations with one pass over each repository. */
        private void rekey(Collection<String> conversationKeys) {
            var owners = new HashMap<Long, String>();
            for (String c : conversationKeys) {
                keys.currentId(c).ifPresent(id -> owners.put(id, c));
            }
            if (owners.isEmpty()) {
                return; // nothing of theirs was ever sealed
            }
            var transcript = backend.transcript();
            var inTranscript = new ArrayList<EntryAddress>();
            for (String c : owners.values()) {
                transcript.firstSeqs(c).forEach(first -> inTranscript.add(new EntryAddress(c, first)));
            }
            var ids = owners.keySet();
            var conversations = backend.conversations();
            var reseal = List.of(
                    resealer(k -> conversations.get(k), conversations::put, List.copyOf(owners.values()), owners),
                    resealer(a -> transcript.get(a.conversationKey(), a.firstSeq()),
                            (a, v) -> transcript.put(a.conversationKey(), a.firstSeq(), v), inTranscript, owners),
                    resealer(backend.tickets(), ids, owners),
                    resealer(backend.outbox().pending(), ids, owners),
                    resealer(backend.outbox().parked(), ids, owners),
                    resealer(backend.feedback().gaps(), ids, owners));
            owners.values().forEach(keys::destroy);
            reseal.forEach(Runnable::run);
        }

        private Runnable resealer(SealedRecords records, Set<Long> ids, Map<Long, String> owners) {
            return resealer(records::get, records::put, records.sealedWith(ids), owners);
        }

        /** Opens now, under the old keys, what they sealed among {@code candidates}; seals it again when run. */
        private <K> Runnable resealer(Function<K, Optional<byte[]>> get, BiConsumer<K, byte[]> put, List<K> candidates,
                                      Map<Long, String> owners) {
            var plain = new LinkedHashMap<K, byte[]>();
            var owner = new HashMap<K, String>();
            for (K k : candidates) {
                byte[] value = get.apply(k).orElse(null);
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

    /** A /link code used up or expired between the engine's look-up and the commit; nothing of the turn is written. */
    public static final class LinkCodeGone extends RuntimeException implements Refusal {
        LinkCodeGone() {
            super("the link code was used or expired just before this turn committed", null, false, false);
        }
    }

    private Optional<OutboxEntry> outboxEntry(byte[] stored) {
        return Optional.ofNullable(stored).flatMap(sealer::open).map(b -> StoreCodec.decode(b, OutboxEntry.class));
    }

    Tx tx() {
        return new Tx();
    }
}

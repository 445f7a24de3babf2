package supportbot.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import supportbot.ticket.Ticket;

/**
 * Copies a whole store into another backend, value by value as stored: sealed values go across unopened, with
 * the keys that sealed them under the same ids, so nothing is decrypted on the way and erased values stay
 * unreadable. Tickets are opened once, only to fill the destination's columns. One transaction: a failed copy
 * leaves the destination as it was.
 */
public final class StoreCopy {
    private StoreCopy() {
    }

    /** What was copied, per kind of record, in the order copied. */
    public record Counts(Map<String, Long> perKind) {
        @Override
        public String toString() {
            var parts = new StringBuilder();
            perKind.forEach((k, v) -> parts.append(parts.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
            return parts.toString();
        }
    }

    /** Counts of what {@code store} holds, the way {@link #copy} reports them: to compare source and copy. */
    public static Counts count(Store store) {
        StoreBackend b = store.backend();
        var counts = new LinkedHashMap<String, Long>();
        counts.put("conversation keys", (long) b.keys().currentIds().size());
        counts.put("conversations", b.conversations().count());
        counts.put("transcript turns", (long) b.transcript().allKeys().size());
        counts.put("tickets", b.tickets().count());
        counts.put("feed entries", (long) b.tickets().feedAfter(Long.MIN_VALUE, Integer.MAX_VALUE).size());
        counts.put("outbox entries", b.outbox().pending().count());
        counts.put("undeliverable entries", b.outbox().parked().count());
        counts.put("knowledge gaps", b.feedback().gaps().count());
        counts.put("faq votes", (long) b.feedback().votes().size());
        counts.put("counters", (long) b.counters().all().size());
        counts.put("web sessions", (long) b.webSessions().all().size());
        counts.put("surface states", (long) b.surfaceState().all().size());
        counts.put("bans", (long) b.bans().all().size());
        counts.put("contact links", (long) b.contactLinks().all().size());
        counts.put("link codes", (long) b.linkCodes().all().size());
        return new Counts(counts);
    }

    /** Copies everything {@code from} holds into {@code to} and commits; the caller checks {@code to} is empty. */
    public static Counts copy(Store from, StoreBackend to) {
        StoreBackend src = from.backend();
        to.begin();
        try {
            src.keys().currentIds().forEach((conversation, id) ->
                    src.keys().key(id).ifPresent(key -> to.keys().adopt(conversation, id, key)));
            for (String key : src.conversations().keys()) {
                src.conversations().get(key).ifPresent(v -> to.conversations().put(key, v));
            }
            for (TranscriptRepository.Entry e : src.transcript().allKeys()) {
                src.transcript().get(e.conversationKey(), e.firstSeq())
                        .ifPresent(v -> to.transcript().put(e.conversationKey(), e.firstSeq(), v));
            }
            for (long number : src.tickets().ids()) {
                byte[] value = src.tickets().get(number).orElse(null);
                if (value != null) {
                    Optional<Ticket> ticket = from.ticket(number);
                    // A ticket whose key was destroyed cannot be opened: it is kept, as erased and not open.
                    to.tickets().save(number, value, ticket.map(Store::columns).orElse(
                            new TicketRepository.Columns(null, false, null, null, null)));
                }
            }
            for (long[] change : src.tickets().feedAfter(Long.MIN_VALUE, Integer.MAX_VALUE)) {
                to.tickets().feedAppend(change[0], change[1]);
            }
            copyRecords(src.outbox().pending(), to.outbox().pending());
            copyRecords(src.outbox().parked(), to.outbox().parked());
            copyRecords(src.feedback().gaps(), to.feedback().gaps());
            src.feedback().votes().forEach(to.feedback()::setVotes);
            src.counters().all().forEach(to.counters()::set);
            src.webSessions().all().forEach(to.webSessions()::put);
            src.surfaceState().all().forEach(to.surfaceState()::put);
            src.bans().all().forEach(to.bans()::put);
            src.contactLinks().all().forEach(to.contactLinks()::put);
            src.linkCodes().all().forEach(to.linkCodes()::put);
            to.commit();
        } catch (RuntimeException e) {
            to.rollback();
            throw e;
        }
        return count(from);
    }

    private static void copyRecords(SealedRecords from, SealedRecords to) {
        for (long id : from.ids()) {
            from.get(id).ifPresent(v -> to.put(id, v));
        }
    }
}

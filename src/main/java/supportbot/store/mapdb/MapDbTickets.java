package supportbot.store.mapdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentNavigableMap;
import org.mapdb.HTreeMap;
import supportbot.store.TicketRepository;

/**
 * Tickets in MapDB. The file keeps no columns beside the sealed tickets (its format predates them), so the
 * columns are held in memory: filled from the tickets on the first query (the store hands in how to read
 * one), then kept up by every save. The MapDB store is one process's, so memory can know every change.
 */
final class MapDbTickets extends MapDbSealedRecords implements TicketRepository {
    private final ConcurrentNavigableMap<Long, Long> feed;
    private final java.util.function.Function<byte[], Optional<Columns>> reader;
    private volatile java.util.concurrent.ConcurrentHashMap<Long, Columns> columns;

    MapDbTickets(HTreeMap<Long, byte[]> tickets, ConcurrentNavigableMap<Long, Long> feed,
                 java.util.function.Function<byte[], Optional<Columns>> reader) {
        super(tickets);
        this.feed = feed;
        this.reader = reader;
    }

    @Override
    public void save(long number, byte[] sealed, Columns c) {
        put(number, sealed);
        if (columns != null) {
            columns.put(number, c);
        }
    }

    @Override
    public Optional<byte[]> remove(long id) {
        if (columns != null) {
            columns.remove(id);
        }
        return super.remove(id);
    }

    private java.util.Map<Long, Columns> columns() {
        var known = columns;
        if (known == null) {
            synchronized (this) {
                if (columns == null) {
                    var built = new java.util.concurrent.ConcurrentHashMap<Long, Columns>();
                    for (Long n : ids()) {
                        get(n).flatMap(reader).ifPresent(c -> built.put(n, c));
                    }
                    columns = built;
                }
                known = columns;
            }
        }
        return known;
    }

    @Override
    public List<Long> openNumbers() {
        return columns().entrySet().stream().filter(e -> e.getValue().open()).map(java.util.Map.Entry::getKey).sorted()
                .toList();
    }

    @Override
    public Set<String> conversationsWithOpenTickets() {
        var out = new java.util.HashSet<String>();
        columns().values().stream().filter(Columns::open).map(Columns::conversationKey)
                .filter(java.util.Objects::nonNull).forEach(out::add);
        return out;
    }

    @Override
    public void feedAppend(long seq, long number) {
        feed.put(seq, number);
    }

    @Override
    public List<long[]> feedAfter(long afterSeq, int max) {
        var out = new ArrayList<long[]>();
        for (var e : feed.tailMap(afterSeq, false).entrySet()) {
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

    @Override
    public void feedTrim(long seq) {
        var keys = new ArrayList<Long>();
        for (Long k : feed.headMap(seq, true).keySet()) {
            keys.add(k);
        }
        keys.forEach(feed::remove);
    }

    @Override
    void rolledBack() {
        super.rolledBack();
        columns = null; // may hold saves that were undone
    }
}

package supportbot.store.mapdb;

import supportbot.store.SealedValues;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which records of one map each key sealed, so erasing or re-keying a conversation visits its own tickets,
 * outbox entries and gaps instead of reading every one on the commit thread, which all other writes wait for.
 * In memory, commit thread only: built by one pass over the map on first need, then kept up by routing the
 * map's writes through here. Records written plain by older versions are listed under {@link #PLAIN}.
 */
final class SealedIndex<K> {
    static final long PLAIN = SealedValues.PLAIN;

    private final Map<K, byte[]> map;
    private Map<Long, Set<K>> byKey;

    SealedIndex(Map<K, byte[]> map) {
        this.map = map;
    }

    void put(K k, byte[] value) {
        byte[] old = map.put(k, value);
        if (byKey != null) {
            unlist(k, old);
            list(k, value);
        }
    }

    byte[] remove(K k) {
        byte[] old = map.remove(k);
        if (byKey != null) {
            unlist(k, old);
        }
        return old;
    }

    /** The records sealed under any of {@code ids} (or {@link #PLAIN}), as far as this transaction knows. */
    List<K> sealedWith(Collection<Long> ids) {
        if (byKey == null) {
            build();
        }
        var out = new ArrayList<K>();
        for (Long id : ids) {
            out.addAll(byKey.getOrDefault(id, Set.of()));
        }
        return out;
    }

    /** After a rollback the map is back to what the file holds, which this may no longer match. */
    void reset() {
        byKey = null;
    }

    private void build() {
        byKey = new HashMap<>();
        var keys = new ArrayList<K>();
        for (K k : map.keySet()) {
            keys.add(k);
        }
        for (K k : keys) {
            list(k, map.get(k));
        }
    }

    private void list(K k, byte[] value) {
        if (value != null) {
            byKey.computeIfAbsent(idOf(value), id -> new HashSet<>()).add(k);
        }
    }

    private void unlist(K k, byte[] value) {
        if (value != null) {
            Set<K> listed = byKey.get(idOf(value));
            if (listed != null && listed.remove(k) && listed.isEmpty()) {
                byKey.remove(idOf(value));
            }
        }
    }

    private static long idOf(byte[] value) {
        return SealedValues.keyIdOf(value);
    }
}

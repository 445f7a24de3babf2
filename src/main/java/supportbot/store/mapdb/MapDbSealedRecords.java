package supportbot.store.mapdb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import supportbot.store.SealedRecords;

/** Sealed records in one MapDB map, with the in-memory index of which key sealed which record. */
class MapDbSealedRecords implements SealedRecords {
    private final Map<Long, byte[]> map;
    private final SealedIndex<Long> index;

    MapDbSealedRecords(Map<Long, byte[]> map) {
        this.map = map;
        this.index = new SealedIndex<>(map);
    }

    @Override
    public Optional<byte[]> get(long id) {
        return Optional.ofNullable(map.get(id));
    }

    @Override
    public void put(long id, byte[] sealed) {
        index.put(id, sealed);
    }

    @Override
    public Optional<byte[]> remove(long id) {
        return Optional.ofNullable(index.remove(id));
    }

    @Override
    public List<Long> ids() {
        // Copied by plain iteration: MapDB's key spliterator reports a fixed size that concurrent writes break.
        var ids = new ArrayList<Long>();
        for (Long k : map.keySet()) {
            ids.add(k);
        }
        Collections.sort(ids);
        return ids;
    }

    @Override
    public List<byte[]> first(int max) {
        var out = new ArrayList<byte[]>();
        if (map instanceof java.util.NavigableMap<Long, byte[]> sorted) {
            for (byte[] b : sorted.values()) {
                if (out.size() >= max) {
                    break;
                }
                if (b != null) { // removed by the commit thread while this iterator passed by
                    out.add(b);
                }
            }
            return out;
        }
        for (Long id : ids()) {
            if (out.size() >= max) {
                break;
            }
            byte[] b = map.get(id);
            if (b != null) {
                out.add(b);
            }
        }
        return out;
    }

    @Override
    public List<Long> sealedWith(Collection<Long> keyIds) {
        return index.sealedWith(keyIds);
    }

    @Override
    public long count() {
        return map.size();
    }

    /** After a rollback the map is back to what the file holds, which the index may no longer match. */
    void rolledBack() {
        index.reset();
    }
}

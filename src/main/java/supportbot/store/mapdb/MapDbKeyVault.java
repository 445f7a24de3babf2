package supportbot.store.mapdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mapdb.DB;
import org.mapdb.HTreeMap;
import org.mapdb.Serializer;
import supportbot.crypto.AesGcm;

/**
 * One data key per conversation, each in its own fixed-size MapDB record. Destroying a key overwrites that
 * record with zeros in place and commits before the record is freed: a record that never changes size never
 * moves, so no copy of the key is left in the file's free space, and MapDB drops its write-ahead log after
 * every commit.
 */
final class MapDbKeyVault implements supportbot.store.KeyVault {
    private static final Serializer<byte[]> RAW = Serializer.BYTE_ARRAY_NOSIZE;
    private static final int CACHE_LIMIT = 100_000;

    private final org.mapdb.Store records;
    /** Conversation key → record id of its current data key. */
    private final HTreeMap<String, Long> current;
    /**
     * Keys by record id. Only the commit thread adds to it, so a reader cannot put back a key the commit
     * thread just destroyed.
     */
    private final Map<Long, byte[]> cache = new ConcurrentHashMap<>();
    /** Zeroed in the transaction in progress. */
    private final List<Long> zeroed = new ArrayList<>();
    /**
     * Zeroed by a committed transaction, freed by the next one: freeing in the same transaction could drop the
     * zeros before they reach the file, and a commit of its own would double the cost of every /forget.
     */
    private final List<Long> zeroedEarlier = new ArrayList<>();

    MapDbKeyVault(DB db) {
        this.records = db.getStore();
        this.current = db.hashMap("conversationKeys", Serializer.STRING, Serializer.LONG).createOrOpen();
    }

    /** The conversation's key id, made on first use. Commit thread only. */
    @Override
    public long idFor(String conversationKey) {
        Long id = current.get(conversationKey);
        Optional<byte[]> existing = id == null ? Optional.empty() : key(id);
        if (existing.isPresent()) {
            remember(id, existing.get());
            return id;
        }
        byte[] key = AesGcm.newKey();
        long made = records.put(key, RAW);
        current.put(conversationKey, made);
        remember(made, key);
        return made;
    }

    private void remember(long id, byte[] key) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear(); // crude but rare; a miss costs one record read
        }
        cache.put(id, key);
    }

    @Override
    public Optional<Long> currentId(String conversationKey) {
        return Optional.ofNullable(current.get(conversationKey));
    }

    /** Empty once destroyed. */
    @Override
    public Optional<byte[]> key(long id) {
        byte[] key = cache.get(id);
        if (key != null) {
            return Optional.of(key);
        }
        try {
            key = records.get(id, RAW);
        } catch (RuntimeException e) {
            return Optional.empty(); // freed, reused for something else, or an id from a damaged value
        }
        if (key == null || key.length != AesGcm.KEY_BYTES || isZero(key)) {
            return Optional.empty();
        }
        return Optional.of(key);
    }

    /** Commit thread: after this the conversation gets a new key on its next write. */
    @Override
    public void destroy(String conversationKey) {
        Long id = current.remove(conversationKey);
        if (id == null) {
            return;
        }
        cache.remove(id);
        records.update(id, new byte[AesGcm.KEY_BYTES], RAW);
        zeroed.add(id);
    }

    @Override
    public Map<String, Long> currentIds() {
        return new java.util.HashMap<>(current);
    }

    @Override
    public void adopt(String conversationKey, long id, byte[] key) {
        throw new UnsupportedOperationException("a MapDB store makes its own key ids; copy from MapDB, not into it");
    }

    /** Before a commit: frees, in it, the records an earlier commit zeroed. */
    void freeZeroedEarlier() {
        zeroedEarlier.forEach(id -> records.delete(id, RAW));
    }

    boolean hasZeroedEarlier() {
        return !zeroedEarlier.isEmpty();
    }

    /** After a commit: what it freed is done, what it zeroed is freed by the next one. */
    void committed() {
        zeroedEarlier.clear();
        zeroedEarlier.addAll(zeroed);
        zeroed.clear();
    }

    /** A record that stays allocated, zeroed, holds nothing: after a failed free, leave it. */
    void abandonZeroedEarlier() {
        zeroedEarlier.clear();
    }

    void rolledBack() {
        zeroed.clear(); // undone with the transaction; zeroedEarlier are still zeroed and allocated
        cache.clear(); // it may hold keys made in the transaction just undone
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}

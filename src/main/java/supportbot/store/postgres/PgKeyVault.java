package supportbot.store.postgres;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import supportbot.crypto.AesGcm;
import supportbot.store.KeyVault;

/**
 * Conversation keys in a table; destroying one deletes its row. PostgreSQL keeps the dead row until vacuum
 * reclaims it (docs/postgres.md says how operators bound that); the sealed copies it could open are no
 * safer than that row.
 */
final class PgKeyVault implements KeyVault {
    private static final int CACHE_LIMIT = 100_000;

    private final Jdbc jdbc;
    /** Keys by id; only a transaction's thread adds, so a reader cannot put back a key just destroyed. */
    private final Map<Long, byte[]> cache = new ConcurrentHashMap<>();

    /**
     * Conversation → key id as read in the transaction in progress (a turn seals its state, lines and outbox
     * entry under one key: one query, not three). Only for the transaction: another instance may destroy the key
     * once it ends.
     */
    private final Map<String, Long> idsInTx = new HashMap<>();

    /** Ids destroyed in the transaction in progress: the other instances hear of them once it commits. */
    private final java.util.List<Long> destroyedInTx = new java.util.ArrayList<>();
    private volatile java.util.function.LongConsumer onDestroyed = id -> { };

    PgKeyVault(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Told each key id whose destruction was committed here, so other instances drop their copies too. */
    void onDestroyed(java.util.function.LongConsumer listener) {
        this.onDestroyed = listener;
    }

    /** Another instance destroyed this key: this one must not open anything with it any more. */
    void forget(long id) {
        cache.remove(id);
    }

    /** Destructions may have gone unheard (the listener was cut off): keys are read again from the table. */
    void forgetAll() {
        cache.clear();
    }

    @Override
    public long idFor(String conversationKey) {
        Long known = idsInTx.get(conversationKey);
        if (known != null) {
            return known;
        }
        Optional<Long> id = currentId(conversationKey);
        if (id.isPresent() && key(id.get()).isPresent()) {
            idsInTx.put(conversationKey, id.get());
            return id.get();
        }
        byte[] key = AesGcm.newKey();
        long made = jdbc.one("insert into conversation_keys (conversation_key, key) values (?, ?) returning id", st -> {
            st.setString(1, conversationKey);
            st.setBytes(2, key);
        }, rs -> rs.getLong(1)).orElseThrow();
        remember(made, key);
        idsInTx.put(conversationKey, made);
        return made;
    }

    @Override
    public Optional<Long> currentId(String conversationKey) {
        return jdbc.one("select id from conversation_keys where conversation_key = ?", st -> st.setString(1, conversationKey),
                rs -> rs.getLong(1));
    }

    @Override
    public Optional<byte[]> key(long id) {
        byte[] key = cache.get(id);
        if (key != null) {
            return Optional.of(key);
        }
        Optional<byte[]> stored = jdbc.one("select key from conversation_keys where id = ?", st -> st.setLong(1, id),
                rs -> rs.getBytes(1)).filter(k -> k.length == AesGcm.KEY_BYTES);
        if (jdbc.currentTx() != null) {
            stored.ifPresent(k -> remember(id, k));
        }
        return stored;
    }

    private void remember(long id, byte[] key) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear(); // crude but rare; a miss costs one query
        }
        cache.put(id, key);
    }

    @Override
    public void destroy(String conversationKey) {
        idsInTx.remove(conversationKey);
        jdbc.one("delete from conversation_keys where conversation_key = ? returning id", st -> st.setString(1, conversationKey),
                rs -> rs.getLong(1)).ifPresent(id -> {
                cache.remove(id);
                destroyedInTx.add(id);
            });
    }

    @Override
    public Map<String, Long> currentIds() {
        var out = new HashMap<String, Long>();
        jdbc.list("select conversation_key, id from conversation_keys", Jdbc.none(), rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    @Override
    public void adopt(String conversationKey, long id, byte[] key) {
        jdbc.update("insert into conversation_keys (id, conversation_key, key) values (?, ?, ?)", st -> {
            st.setLong(1, id);
            st.setString(2, conversationKey);
            st.setBytes(3, key);
        });
        // New keys are numbered after every adopted one.
        jdbc.one("select setval(pg_get_serial_sequence('conversation_keys', 'id'), greatest(?, "
                + "(select coalesce(max(id), 1) from conversation_keys)))", st -> st.setLong(1, id), rs -> rs.getLong(1));
    }

    /** Keys made in a transaction that was undone must not stay known. */
    void rolledBack() {
        cache.clear();
        idsInTx.clear();
        destroyedInTx.clear();
    }

    void committed() {
        idsInTx.clear();
        if (!destroyedInTx.isEmpty()) {
            destroyedInTx.forEach(onDestroyed::accept);
            destroyedInTx.clear();
        }
    }
}

package supportbot.store.postgres;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import supportbot.store.KeyValueRepository;

/** A (key, value) table; the table and key column are fixed by the backend, never taken from input. */
final class PgKeyValues implements KeyValueRepository {
    private final Jdbc jdbc;
    private final String table;
    private final String keyColumn;

    PgKeyValues(Jdbc jdbc, String table, String keyColumn) {
        this.jdbc = jdbc;
        this.table = table;
        this.keyColumn = keyColumn;
    }

    @Override
    public Optional<byte[]> get(String key) {
        return jdbc.one("select value from " + table + " where " + keyColumn + " = ?", st -> st.setString(1, key),
                rs -> rs.getBytes(1));
    }

    @Override
    public void put(String key, byte[] value) {
        jdbc.update("insert into " + table + " (" + keyColumn + ", value) values (?, ?) on conflict (" + keyColumn
                + ") do update set value = excluded.value", st -> {
            st.setString(1, key);
            st.setBytes(2, value);
        });
    }

    @Override
    public void remove(String key) {
        jdbc.update("delete from " + table + " where " + keyColumn + " = ?", st -> st.setString(1, key));
    }

    @Override
    public Map<String, byte[]> all() {
        var out = new HashMap<String, byte[]>();
        jdbc.list("select " + keyColumn + ", value from " + table, Jdbc.none(),
                rs -> out.put(rs.getString(1), rs.getBytes(2)));
        return out;
    }
}

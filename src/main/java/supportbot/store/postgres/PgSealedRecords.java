package supportbot.store.postgres;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import supportbot.store.SealedRecords;
import supportbot.store.SealedValues;

/** Sealed records in a table (id, value, key_id). */
class PgSealedRecords implements SealedRecords {
    protected final Jdbc jdbc;
    protected final String table;

    PgSealedRecords(Jdbc jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    @Override
    public Optional<byte[]> get(long id) {
        return jdbc.one("select value from " + table + " where id = ?", st -> st.setLong(1, id), rs -> rs.getBytes(1));
    }

    @Override
    public void put(long id, byte[] sealed) {
        jdbc.update("insert into " + table + " (id, value, key_id) values (?, ?, ?) on conflict (id) do update "
                + "set value = excluded.value, key_id = excluded.key_id", st -> {
            st.setLong(1, id);
            st.setBytes(2, sealed);
            st.setLong(3, SealedValues.keyIdOf(sealed));
        });
    }

    @Override
    public Optional<byte[]> remove(long id) {
        return jdbc.one("delete from " + table + " where id = ? returning value", st -> st.setLong(1, id),
                rs -> rs.getBytes(1));
    }

    @Override
    public List<Long> ids() {
        return jdbc.list("select id from " + table + " order by id", Jdbc.none(), rs -> rs.getLong(1));
    }

    @Override
    public List<byte[]> first(int max) {
        return jdbc.list("select value from " + table + " order by id limit ?", st -> st.setInt(1, max),
                rs -> rs.getBytes(1));
    }

    @Override
    public List<Long> sealedWith(Collection<Long> keyIds) {
        Long[] ids = keyIds.toArray(Long[]::new);
        return jdbc.list("select id from " + table + " where key_id = any(?) order by id", st ->
                st.setArray(1, st.getConnection().createArrayOf("bigint", ids)), rs -> rs.getLong(1));
    }

    @Override
    public long count() {
        return jdbc.one("select count(*) from " + table, Jdbc.none(), rs -> rs.getLong(1)).orElse(0L);
    }
}

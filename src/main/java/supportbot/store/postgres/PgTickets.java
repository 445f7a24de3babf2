package supportbot.store.postgres;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import supportbot.store.SealedValues;
import supportbot.store.TicketRepository;

/** Tickets with their columns, so the open ones are found by index; and the ticket feed. */
final class PgTickets extends PgSealedRecords implements TicketRepository {
    PgTickets(Jdbc jdbc) {
        super(jdbc, "tickets");
    }

    @Override
    public Optional<byte[]> get(long id) {
        return jdbc.one("select value from tickets where number = ?", st -> st.setLong(1, id), rs -> rs.getBytes(1));
    }

    /** Row-locked until commit: two instances changing one ticket apply their changes one after the other. */
    @Override
    public Optional<byte[]> getForUpdate(long number) {
        return jdbc.one("select value from tickets where number = ? for update", st -> st.setLong(1, number),
                rs -> rs.getBytes(1));
    }

    /** Outside the turn's transaction: a number is never handed out twice, even if the turn is rolled back. */
    @Override
    public java.util.OptionalLong nextNumber() {
        return java.util.OptionalLong.of(jdbc.one("select nextval('ticket_numbers')", Jdbc.none(), rs -> rs.getLong(1))
                .orElseThrow());
    }

    /** Re-sealing: the value changes, the columns stay. */
    @Override
    public void put(long id, byte[] sealed) {
        int updated = jdbc.update("update tickets set value = ?, key_id = ? where number = ?", st -> {
            st.setBytes(1, sealed);
            st.setLong(2, SealedValues.keyIdOf(sealed));
            st.setLong(3, id);
        });
        if (updated == 0) {
            throw new IllegalStateException("ticket " + id + " is saved with its columns first");
        }
    }

    @Override
    public void save(long number, byte[] sealed, Columns c) {
        jdbc.update("insert into tickets (number, value, key_id, status, open, assignee, category, conversation_key) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (number) do update set value = excluded.value, "
                + "key_id = excluded.key_id, status = excluded.status, open = excluded.open, "
                + "assignee = excluded.assignee, category = excluded.category, "
                + "conversation_key = excluded.conversation_key", st -> {
            st.setLong(1, number);
            st.setBytes(2, sealed);
            st.setLong(3, SealedValues.keyIdOf(sealed));
            st.setString(4, c.status());
            st.setBoolean(5, c.open());
            st.setString(6, c.assignee());
            st.setString(7, c.category());
            st.setString(8, c.conversationKey());
        });
    }

    @Override
    public Optional<byte[]> remove(long id) {
        return jdbc.one("delete from tickets where number = ? returning value", st -> st.setLong(1, id),
                rs -> rs.getBytes(1));
    }

    @Override
    public List<Long> ids() {
        return jdbc.list("select number from tickets order by number", Jdbc.none(), rs -> rs.getLong(1));
    }

    @Override
    public List<byte[]> first(int max) {
        return jdbc.list("select value from tickets order by number limit ?", st -> st.setInt(1, max),
                rs -> rs.getBytes(1));
    }

    @Override
    public List<Long> sealedWith(Collection<Long> keyIds) {
        Long[] ids = keyIds.toArray(Long[]::new);
        return jdbc.list("select number from tickets where key_id = any(?) order by number", st ->
                st.setArray(1, st.getConnection().createArrayOf("bigint", ids)), rs -> rs.getLong(1));
    }

    @Override
    public List<Long> openNumbers() {
        return jdbc.list("select number from tickets where open order by number", Jdbc.none(), rs -> rs.getLong(1));
    }

    @Override
    public Set<String> conversationsWithOpenTickets() {
        return new HashSet<>(jdbc.list("select distinct conversation_key from tickets where open and "
                + "conversation_key is not null", Jdbc.none(), rs -> rs.getString(1)));
    }

    @Override
    public void feedAppend(long seq, long number) {
        jdbc.update("insert into ticket_feed (seq, number) values (?, ?)", st -> {
            st.setLong(1, seq);
            st.setLong(2, number);
        });
    }

    @Override
    public List<long[]> feedAfter(long afterSeq, int max) {
        return jdbc.list("select seq, number from ticket_feed where seq > ? order by seq limit ?", st -> {
            st.setLong(1, afterSeq);
            st.setInt(2, max);
        }, rs -> new long[] {rs.getLong(1), rs.getLong(2)});
    }

    @Override
    public void feedTrim(long seq) {
        jdbc.update("delete from ticket_feed where seq <= ?", st -> st.setLong(1, seq));
    }
}

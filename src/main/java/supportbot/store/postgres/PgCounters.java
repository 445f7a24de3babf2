package supportbot.store.postgres;

import java.util.Map;
import java.util.TreeMap;
import supportbot.store.CounterRepository;

/**
 * Counters in a table; the outbox and gap ids from sequences instead, so instances taking ids at once do not
 * wait on one row until each other's commit. The ticket feed's seq stays a row: its lock makes the feed's
 * order the commit order, which followers' cursors rely on.
 */
final class PgCounters implements CounterRepository {
    private static final Map<String, String> SEQUENCES = Map.of("outbox", "outbox_ids", "gap", "gap_ids");

    private final Jdbc jdbc;

    PgCounters(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long get(String name) {
        String sequence = SEQUENCES.get(name);
        if (sequence != null) {
            return jdbc.one("select case when is_called then last_value else 0 end from " + sequence, Jdbc.none(),
                    rs -> rs.getLong(1)).orElse(0L);
        }
        return jdbc.one("select value from counters where name = ?", st -> st.setString(1, name), rs -> rs.getLong(1))
                .orElse(0L);
    }

    @Override
    public void set(String name, long value) {
        String sequence = SEQUENCES.get(name);
        if (sequence != null) {
            jdbc.one("select setval('" + sequence + "', greatest(?, 1), ? > 0)", st -> {
                st.setLong(1, value);
                st.setLong(2, value);
            }, rs -> rs.getLong(1));
            return;
        }
        jdbc.update("insert into counters (name, value) values (?, ?) on conflict (name) do update set value = "
                + "excluded.value", st -> {
            st.setString(1, name);
            st.setLong(2, value);
        });
        if (name.equals("ticket")) {
            // A copied store's tickets: new numbers continue after them (never lowered).
            jdbc.one("select setval('ticket_numbers', greatest(?, (select last_value from ticket_numbers)))",
                    st -> st.setLong(1, value), rs -> rs.getLong(1));
        }
    }

    @Override
    public long add(String name, long delta) {
        String sequence = SEQUENCES.get(name);
        if (sequence != null && delta == 1) {
            return jdbc.one("select nextval('" + sequence + "')", Jdbc.none(), rs -> rs.getLong(1)).orElseThrow();
        }
        return jdbc.one("insert into counters (name, value) values (?, ?) on conflict (name) do update set value = "
                + "counters.value + excluded.value returning value", st -> {
            st.setString(1, name);
            st.setLong(2, delta);
        }, rs -> rs.getLong(1)).orElseThrow();
    }

    @Override
    public void raise(String name, long value) {
        jdbc.update("insert into counters (name, value) values (?, ?) on conflict (name) do update set value = "
                + "greatest(counters.value, excluded.value)", st -> {
            st.setString(1, name);
            st.setLong(2, value);
        });
    }

    @Override
    public Map<String, Long> all() {
        var out = new TreeMap<String, Long>();
        jdbc.list("select name, value from counters", Jdbc.none(), rs -> out.put(rs.getString(1), rs.getLong(2)));
        SEQUENCES.keySet().forEach(name -> {
            long v = get(name);
            if (v > 0) {
                out.put(name, v);
            }
        });
        return out;
    }
}

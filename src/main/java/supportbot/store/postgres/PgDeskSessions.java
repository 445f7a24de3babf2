package supportbot.store.postgres;

import java.util.List;
import java.util.Optional;
import supportbot.store.DeskSessionRepository;

final class PgDeskSessions implements DeskSessionRepository {
    private final Jdbc jdbc;

    PgDeskSessions(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(String idHash, Row row) {
        jdbc.update("insert into desk_sessions (id_hash, agent, last_seen_millis) values (?, ?, ?) on conflict (id_hash) "
                + "do update set agent = excluded.agent, last_seen_millis = excluded.last_seen_millis", st -> {
            st.setString(1, idHash);
            st.setString(2, row.agent());
            st.setLong(3, row.lastSeenMillis());
        });
    }

    @Override
    public Optional<Row> get(String idHash) {
        return jdbc.one("select agent, last_seen_millis from desk_sessions where id_hash = ?", st -> st.setString(1, idHash),
                rs -> new Row(rs.getString(1), rs.getLong(2)));
    }

    @Override
    public void remove(String idHash) {
        jdbc.update("delete from desk_sessions where id_hash = ?", st -> st.setString(1, idHash));
    }

    @Override
    public List<String> idleBefore(long millis) {
        return jdbc.list("select id_hash from desk_sessions where last_seen_millis < ?", st -> st.setLong(1, millis),
                rs -> rs.getString(1));
    }
}

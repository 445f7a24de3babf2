package supportbot.store.postgres;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import supportbot.store.SessionRepository;

final class PgSessions implements SessionRepository {
    private final Jdbc jdbc;

    PgSessions(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(String sessionId, long createdMillis) {
        jdbc.update("insert into web_sessions (id, created_millis) values (?, ?) on conflict (id) do update set "
                + "created_millis = excluded.created_millis", st -> {
            st.setString(1, sessionId);
            st.setLong(2, createdMillis);
        });
    }

    @Override
    public void remove(String sessionId) {
        jdbc.update("delete from web_sessions where id = ?", st -> st.setString(1, sessionId));
    }

    @Override
    public boolean exists(String sessionId) {
        return jdbc.one("select 1 from web_sessions where id = ?", st -> st.setString(1, sessionId), rs -> true)
                .isPresent();
    }

    @Override
    public List<String> createdBefore(long millis) {
        return jdbc.list("select id from web_sessions where created_millis < ?", st -> st.setLong(1, millis),
                rs -> rs.getString(1));
    }

    @Override
    public Map<String, Long> all() {
        var out = new HashMap<String, Long>();
        jdbc.list("select id, created_millis from web_sessions", Jdbc.none(), rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }
}

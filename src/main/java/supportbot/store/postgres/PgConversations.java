package supportbot.store.postgres;

import java.util.List;
import java.util.Optional;
import supportbot.store.ConversationRepository;

final class PgConversations implements ConversationRepository {
    private final Jdbc jdbc;

    PgConversations(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<byte[]> get(String key) {
        return jdbc.one("select value from conversations where key = ?", st -> st.setString(1, key), rs -> rs.getBytes(1));
    }

    @Override
    public Optional<Versioned> getVersioned(String key) {
        return jdbc.one("select value, version from conversations where key = ?", st -> st.setString(1, key),
                rs -> new Versioned(rs.getBytes(1), rs.getLong(2)));
    }

    @Override
    public long version(String key) {
        return jdbc.one("select version from conversations where key = ?", st -> st.setString(1, key),
                rs -> rs.getLong(1)).orElse(ABSENT);
    }

    @Override
    public boolean contains(String key) {
        return jdbc.one("select 1 from conversations where key = ?", st -> st.setString(1, key), rs -> true).isPresent();
    }

    @Override
    public void put(String key, byte[] sealed) {
        jdbc.update("insert into conversations (key, value) values (?, ?) on conflict (key) do update set value = "
                + "excluded.value, version = nextval('conversation_versions')", st -> {
            st.setString(1, key);
            st.setBytes(2, sealed);
        });
    }

    @Override
    public long putVersioned(String key, byte[] sealed) {
        return jdbc.one("insert into conversations (key, value) values (?, ?) on conflict (key) do update set value = "
                + "excluded.value, version = nextval('conversation_versions') returning version", st -> {
            st.setString(1, key);
            st.setBytes(2, sealed);
        }, rs -> rs.getLong(1)).orElseThrow();
    }

    @Override
    public void remove(String key) {
        jdbc.update("delete from conversations where key = ?", st -> st.setString(1, key));
    }

    @Override
    public long count() {
        return jdbc.one("select count(*) from conversations", Jdbc.none(), rs -> rs.getLong(1)).orElse(0L);
    }

    @Override
    public List<String> keys() {
        return jdbc.list("select key from conversations", Jdbc.none(), rs -> rs.getString(1));
    }
}

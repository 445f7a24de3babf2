package supportbot.store.postgres;

import java.util.List;
import java.util.Optional;
import supportbot.store.TranscriptRepository;

final class PgTranscript implements TranscriptRepository {
    private final Jdbc jdbc;

    PgTranscript(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void put(String conversationKey, long firstSeq, byte[] sealed) {
        jdbc.update("insert into transcript (conversation_key, first_seq, value) values (?, ?, ?) "
                + "on conflict (conversation_key, first_seq) do update set value = excluded.value", st -> {
            st.setString(1, conversationKey);
            st.setLong(2, firstSeq);
            st.setBytes(3, sealed);
        });
    }

    @Override
    public Optional<byte[]> get(String conversationKey, long firstSeq) {
        return jdbc.one("select value from transcript where conversation_key = ? and first_seq = ?", st -> {
            st.setString(1, conversationKey);
            st.setLong(2, firstSeq);
        }, rs -> rs.getBytes(1));
    }

    @Override
    public void remove(String conversationKey, long firstSeq) {
        jdbc.update("delete from transcript where conversation_key = ? and first_seq = ?", st -> {
            st.setString(1, conversationKey);
            st.setLong(2, firstSeq);
        });
    }

    @Override
    public List<Entry> from(String conversationKey, long seq) {
        // From the entry holding seq: the last one starting at or before it (or the first of all).
        return jdbc.list("select first_seq, value from transcript where conversation_key = ? and first_seq >= "
                + "coalesce((select max(first_seq) from transcript where conversation_key = ? and first_seq <= ?), 0) "
                + "order by first_seq", st -> {
            st.setString(1, conversationKey);
            st.setString(2, conversationKey);
            st.setLong(3, seq);
        }, rs -> new Entry(conversationKey, rs.getLong(1), rs.getBytes(2)));
    }

    @Override
    public Optional<Entry> last(String conversationKey) {
        return jdbc.one("select first_seq, value from transcript where conversation_key = ? order by first_seq desc "
                + "limit 1", st -> st.setString(1, conversationKey), rs -> new Entry(conversationKey, rs.getLong(1),
                rs.getBytes(2)));
    }

    @Override
    public List<Long> firstSeqs(String conversationKey) {
        return jdbc.list("select first_seq from transcript where conversation_key = ? order by first_seq",
                st -> st.setString(1, conversationKey), rs -> rs.getLong(1));
    }

    @Override
    public List<Entry> allKeys() {
        return jdbc.list("select conversation_key, first_seq from transcript order by conversation_key, first_seq",
                Jdbc.none(), rs -> new Entry(rs.getString(1), rs.getLong(2), null));
    }
}

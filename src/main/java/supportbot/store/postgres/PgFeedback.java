package supportbot.store.postgres;

import java.util.Map;
import java.util.TreeMap;
import supportbot.store.FeedbackRepository;
import supportbot.store.SealedRecords;

final class PgFeedback implements FeedbackRepository {
    private final Jdbc jdbc;
    private final PgSealedRecords gaps;

    PgFeedback(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.gaps = new PgSealedRecords(jdbc, "knowledge_gaps");
    }

    @Override
    public void vote(String key) {
        jdbc.update("insert into faq_votes (key, count) values (?, 1) on conflict (key) do update set count = "
                + "faq_votes.count + 1", st -> st.setString(1, key));
    }

    @Override
    public void setVotes(String key, long count) {
        jdbc.update("insert into faq_votes (key, count) values (?, ?) on conflict (key) do update set count = "
                + "excluded.count", st -> {
            st.setString(1, key);
            st.setLong(2, count);
        });
    }

    @Override
    public Map<String, Long> votes() {
        var out = new TreeMap<String, Long>();
        jdbc.list("select key, count from faq_votes", Jdbc.none(), rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    @Override
    public SealedRecords gaps() {
        return gaps;
    }
}

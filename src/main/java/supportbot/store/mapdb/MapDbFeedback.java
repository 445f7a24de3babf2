package supportbot.store.mapdb;

import java.util.Map;
import org.mapdb.HTreeMap;
import supportbot.store.FeedbackRepository;
import supportbot.store.SealedRecords;

final class MapDbFeedback implements FeedbackRepository {
    private final HTreeMap<String, Long> votes;
    private final MapDbSealedRecords gaps;

    MapDbFeedback(HTreeMap<String, Long> votes, MapDbSealedRecords gaps) {
        this.votes = votes;
        this.gaps = gaps;
    }

    @Override
    public void vote(String key) {
        votes.merge(key, 1L, Long::sum);
    }

    @Override
    public void setVotes(String key, long count) {
        votes.put(key, count);
    }

    @Override
    public Map<String, Long> votes() {
        return new java.util.TreeMap<>(votes);
    }

    @Override
    public SealedRecords gaps() {
        return gaps;
    }
}

package supportbot.store;

import java.util.Map;

/** What users tell the FAQ: votes per FAQ id and direction, and the questions it could not answer. */
public interface FeedbackRepository {
    /** @param key the FAQ id with "|up" or "|down" */
    void vote(String key);

    /** Sets a count outright (copying a store). */
    void setVotes(String key, long count);

    Map<String, Long> votes();

    /** Knowledge gaps (sealed, by id). */
    SealedRecords gaps();
}

package supportbot.store;

import java.util.List;

/** Web chat sessions by id, with when each was made (epoch millis). */
public interface SessionRepository {
    void put(String sessionId, long createdMillis);

    void remove(String sessionId);

    boolean exists(String sessionId);

    List<String> createdBefore(long millis);

    java.util.Map<String, Long> all();
}

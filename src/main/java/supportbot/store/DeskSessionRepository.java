package supportbot.store;

import java.util.List;
import java.util.Optional;

/**
 * Agents' desk sign-ins, by a hash of the session id: whoever reads the store cannot sign in with what is
 * kept there. Shared by every instance on one database, so a restart or another instance keeps agents signed in.
 */
public interface DeskSessionRepository {
    /** Who signed in, and when the session was last used (epoch millis). */
    record Row(String agent, long lastSeenMillis) {
    }

    /** Adds the session or moves its last use. */
    void put(String idHash, Row row);

    Optional<Row> get(String idHash);

    void remove(String idHash);

    /** Sessions last used before {@code millis}: the idle ones to drop. */
    List<String> idleBefore(long millis);
}

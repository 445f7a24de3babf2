package supportbot.store;

import java.util.List;
import java.util.Optional;

/** Each conversation's state (with the platform message ids it saw), sealed, by conversation key. */
public interface ConversationRepository {
    Optional<byte[]> get(String key);

    boolean contains(String key);

    void put(String key, byte[] sealed);

    void remove(String key);

    long count();

    List<String> keys();
}

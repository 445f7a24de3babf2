package supportbot.store;

import java.util.Map;
import java.util.Optional;

/** Small records by string key: connectors' surface state, bans. Not sealed: they hold no user's words. */
public interface KeyValueRepository {
    Optional<byte[]> get(String key);

    void put(String key, byte[] value);

    void remove(String key);

    Map<String, byte[]> all();
}

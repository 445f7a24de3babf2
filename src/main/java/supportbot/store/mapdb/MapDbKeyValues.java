package supportbot.store.mapdb;

import java.util.Map;
import java.util.Optional;
import org.mapdb.HTreeMap;
import supportbot.store.KeyValueRepository;

final class MapDbKeyValues implements KeyValueRepository {
    private final HTreeMap<String, byte[]> map;

    MapDbKeyValues(HTreeMap<String, byte[]> map) {
        this.map = map;
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(map.get(key));
    }

    @Override
    public void put(String key, byte[] value) {
        map.put(key, value);
    }

    @Override
    public void remove(String key) {
        map.remove(key);
    }

    @Override
    public Map<String, byte[]> all() {
        return new java.util.HashMap<>(map);
    }
}

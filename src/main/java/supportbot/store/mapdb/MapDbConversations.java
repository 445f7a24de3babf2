package supportbot.store.mapdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mapdb.HTreeMap;
import supportbot.store.ConversationRepository;

final class MapDbConversations implements ConversationRepository {
    private final HTreeMap<String, byte[]> map;

    MapDbConversations(HTreeMap<String, byte[]> map) {
        this.map = map;
    }

    @Override
    public Optional<byte[]> get(String key) {
        return Optional.ofNullable(map.get(key));
    }

    @Override
    public boolean contains(String key) {
        return map.containsKey(key);
    }

    @Override
    public void put(String key, byte[] sealed) {
        map.put(key, sealed);
    }

    @Override
    public void remove(String key) {
        map.remove(key);
    }

    @Override
    public long count() {
        return map.sizeLong();
    }

    @Override
    public List<String> keys() {
        var out = new ArrayList<String>();
        for (String k : map.keySet()) { // plain iteration: the key spliterator's fixed size breaks under writes
            out.add(k);
        }
        return out;
    }
}

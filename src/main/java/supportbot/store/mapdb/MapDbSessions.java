package supportbot.store.mapdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mapdb.HTreeMap;
import supportbot.store.SessionRepository;

final class MapDbSessions implements SessionRepository {
    private final HTreeMap<String, Long> map;

    MapDbSessions(HTreeMap<String, Long> map) {
        this.map = map;
    }

    @Override
    public void put(String sessionId, long createdMillis) {
        map.put(sessionId, createdMillis);
    }

    @Override
    public void remove(String sessionId) {
        map.remove(sessionId);
    }

    @Override
    public boolean exists(String sessionId) {
        return map.containsKey(sessionId);
    }

    @Override
    public List<String> createdBefore(long millis) {
        var out = new ArrayList<String>();
        for (var e : map.entrySet()) {
            if (e.getValue() < millis) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    @Override
    public Map<String, Long> all() {
        return new java.util.HashMap<>(map);
    }
}

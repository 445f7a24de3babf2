package supportbot.store.mapdb;

import java.util.Map;
import org.mapdb.HTreeMap;
import supportbot.store.CounterRepository;

final class MapDbCounters implements CounterRepository {
    private final HTreeMap<String, Long> map;

    MapDbCounters(HTreeMap<String, Long> map) {
        this.map = map;
    }

    @Override
    public long get(String name) {
        return map.getOrDefault(name, 0L);
    }

    @Override
    public void set(String name, long value) {
        map.put(name, value);
    }

    @Override
    public long add(String name, long delta) {
        return map.merge(name, delta, Long::sum);
    }

    @Override
    public void raise(String name, long value) {
        map.merge(name, value, Math::max);
    }

    @Override
    public Map<String, Long> all() {
        return new java.util.TreeMap<>(map);
    }
}

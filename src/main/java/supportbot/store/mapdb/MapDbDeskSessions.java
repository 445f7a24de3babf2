package supportbot.store.mapdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mapdb.HTreeMap;
import supportbot.store.DeskSessionRepository;

/** Each value is "lastSeenMillis agent": the number first, so an agent name with spaces still reads back. */
final class MapDbDeskSessions implements DeskSessionRepository {
    private final HTreeMap<String, String> map;

    MapDbDeskSessions(HTreeMap<String, String> map) {
        this.map = map;
    }

    @Override
    public void put(String idHash, Row row) {
        map.put(idHash, row.lastSeenMillis() + " " + row.agent());
    }

    @Override
    public Optional<Row> get(String idHash) {
        return Optional.ofNullable(map.get(idHash)).map(MapDbDeskSessions::row);
    }

    @Override
    public void remove(String idHash) {
        map.remove(idHash);
    }

    @Override
    public List<String> idleBefore(long millis) {
        var out = new ArrayList<String>();
        map.forEach((hash, value) -> {
            if (row(value).lastSeenMillis() < millis) {
                out.add(hash);
            }
        });
        return out;
    }

    private static Row row(String value) {
        int space = value.indexOf(' ');
        return new Row(value.substring(space + 1), Long.parseLong(value.substring(0, space)));
    }
}

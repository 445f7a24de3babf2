package supportbot.store.mapdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentNavigableMap;
import supportbot.store.TranscriptRepository;

/** Turns in one B-tree keyed "conversation NUL zero-padded first seq" (the file format of earlier versions). */
final class MapDbTranscript implements TranscriptRepository {
    private static final char SEP = '\u0000';
    private final ConcurrentNavigableMap<String, byte[]> tree;

    MapDbTranscript(ConcurrentNavigableMap<String, byte[]> tree) {
        this.tree = tree;
    }

    private static String key(String conversationKey, long firstSeq) {
        return conversationKey + SEP + String.format("%012d", firstSeq);
    }

    private static Entry entry(String key, byte[] value) {
        int sep = key.lastIndexOf(SEP);
        return new Entry(key.substring(0, sep), Long.parseLong(key.substring(sep + 1)), value);
    }

    @Override
    public void put(String conversationKey, long firstSeq, byte[] sealed) {
        tree.put(key(conversationKey, firstSeq), sealed);
    }

    @Override
    public Optional<byte[]> get(String conversationKey, long firstSeq) {
        return Optional.ofNullable(tree.get(key(conversationKey, firstSeq)));
    }

    @Override
    public void remove(String conversationKey, long firstSeq) {
        tree.remove(key(conversationKey, firstSeq));
    }

    @Override
    public List<Entry> from(String conversationKey, long seq) {
        String prefix = conversationKey + SEP;
        String start = tree.floorKey(key(conversationKey, seq));
        if (start == null || !start.startsWith(prefix)) {
            start = prefix;
        }
        var out = new ArrayList<Entry>();
        tree.subMap(start, true, prefix + '\uffff', false).forEach((k, v) -> out.add(entry(k, v)));
        return out;
    }

    @Override
    public Optional<Entry> last(String conversationKey) {
        String prefix = conversationKey + SEP;
        var last = tree.floorEntry(prefix + '\uffff');
        if (last == null || !last.getKey().startsWith(prefix)) {
            return Optional.empty();
        }
        return Optional.of(entry(last.getKey(), last.getValue()));
    }

    @Override
    public List<Long> firstSeqs(String conversationKey) {
        String prefix = conversationKey + SEP;
        var out = new ArrayList<Long>();
        for (String k : tree.subMap(prefix, true, prefix + '\uffff', false).keySet()) {
            out.add(entry(k, null).firstSeq());
        }
        return out;
    }

    @Override
    public List<Entry> allKeys() {
        var out = new ArrayList<Entry>();
        for (String k : tree.keySet()) {
            out.add(entry(k, null));
        }
        return out;
    }
}

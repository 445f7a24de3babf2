import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;
import supportbot.store.TranscriptLine;

/** Acknowledged transcript turns per second through the GroupCommitter: [seconds] [writer threads]. */
public class StoreThroughput {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        var data = Files.createTempDirectory("store-tp").resolve("data");
        Store store = Store.open(data);
        var committer = new GroupCommitter(store);
        var acked = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        var ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            String conv = "web:t" + t;
            ts[t] = new Thread(() -> {
                for (int turn = 1; System.nanoTime() < end; turn++) {
                    var enc = Store.encodeLines(List.of(
                            new TranscriptLine(0, "user", "turn " + turn + " where is my wallet, I paid twice", List.of(), List.of(), Instant.now()),
                            new TranscriptLine(0, "bot", "Sorry to hear that. A human will look at payment " + turn + " shortly.", List.of(), List.of(), Instant.now())));
                    try {
                        committer.submit(tx -> tx.appendTranscript(conv, enc, 2)).get();
                    } catch (Exception e) {
                        return;
                    }
                    acked.incrementAndGet();
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) t.join();
        System.out.printf("{\"seconds\":%d,\"writers\":%d,\"turnsPerSecond\":%.0f,\"commits\":%d,\"avgGroup\":%.1f}%n", seconds, threads,
                acked.get() / (double) seconds, committer.commits(), committer.writeSets() / (double) Math.max(1, committer.commits()));
        committer.close();
        store.close();
        System.exit(0);
    }
}

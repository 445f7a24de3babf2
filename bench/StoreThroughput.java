import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;
import supportbot.store.StoredConversation;
import supportbot.store.TranscriptLine;
import supportbot.store.postgres.PostgresBackend;
import supportbot.store.postgres.PostgresSettings;

/**
 * Acknowledged turns per second through the GroupCommitter, each turn writing what a real one writes (the
 * conversation's state, two transcript lines, one outbox entry): [seconds] [writer threads] [mapdb|postgres]
 * [jdbc url]. PostgreSQL runs in a schema of its own, dropped after; credentials from SUPPORT_BOT_DB_USER and
 * SUPPORT_BOT_DB_PASSWORD (user postgres when unset).
 */
public class StoreThroughput {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        String kind = args.length > 2 ? args[2] : "mapdb";
        String url = args.length > 3 ? args[3] : "jdbc:postgresql://127.0.0.1:5432/postgres";
        PostgresBackend pg = null;
        PostgresSettings settings = null;
        Store store;
        if (kind.equals("postgres")) {
            String user = System.getenv().getOrDefault(PostgresSettings.USER_ENV, "postgres");
            settings = new PostgresSettings(url, user, System.getenv(PostgresSettings.PASSWORD_ENV), 4,
                    "store_bench_" + System.nanoTime());
            pg = PostgresBackend.open(settings);
            store = Store.over(pg);
        } else {
            store = Store.open(Files.createTempDirectory("store-tp").resolve("data"));
        }
        var committer = new GroupCommitter(store);
        var acked = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        var ts = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            String conv = "web:t" + t;
            ts[t] = new Thread(() -> {
                for (int turn = 1; System.nanoTime() < end; turn++) {
                    var state = Store.encodeConversation(new StoredConversation(null, List.of("m" + turn), List.of()));
                    var enc = Store.encodeLines(List.of(
                            new TranscriptLine(0, "user", "turn " + turn + " where is my wallet, I paid twice", List.of(), List.of(), Instant.now()),
                            new TranscriptLine(0, "bot", "Sorry to hear that. A human will look at payment " + turn + " shortly.", List.of(), List.of(), Instant.now())));
                    String reply = "reply " + turn;
                    try {
                        committer.submit(tx -> {
                            tx.saveConversation(conv, state);
                            tx.appendTranscript(conv, enc, 2);
                            tx.enqueue("web", conv, reply, List.of());
                        }).get();
                    } catch (Exception e) {
                        return;
                    }
                    acked.incrementAndGet();
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) t.join();
        long statements = pg == null ? 0 : pg.statements();
        System.out.printf("{\"kind\":\"%s\",\"seconds\":%d,\"writers\":%d,\"turnsPerSecond\":%.0f,\"commits\":%d,\"avgGroup\":%.1f"
                        + ",\"statementsPerTurn\":%.1f}%n", kind, seconds, threads, acked.get() / (double) seconds,
                committer.commits(), committer.writeSets() / (double) Math.max(1, committer.commits()),
                statements / (double) Math.max(1, acked.get()));
        committer.close();
        if (pg != null) {
            pg.dropSchema();
        }
        store.close();
        System.exit(0);
    }
}

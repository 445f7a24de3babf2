import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;
import supportbot.store.TranscriptLine;

/**
 * Focused crash harness for the store alone (no HTTP): a child JVM appends transcript turns through the
 * {@link GroupCommitter} from many threads as fast as commits allow and prints each acknowledged turn; the
 * parent kills it with SIGKILL at a random moment, then opens the store and checks that it opens and that
 * every acknowledged turn is there. Repeats on the same data directory.
 *
 *   java -cp target/support-bot.jar bench/StoreKillHarness.java [kills] [writer threads] [seed]
 *
 * Prints one JSON line; exits 1 if the store failed to open or lost an acknowledged turn.
 */
public class StoreKillHarness {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int kills = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : System.currentTimeMillis();
        Path data = Files.createTempDirectory("store-kill").resolve("data");
        System.err.printf("store kill harness: %d kills, %d writers, seed %d, data %s%n", kills, threads, seed, data);
        var random = new Random(seed);
        Map<String, Integer> acked = new HashMap<>(); // conversation -> highest acknowledged turn
        int unopenable = 0;
        long lost = 0;
        long totalAcked = 0;
        List<String> problems = new ArrayList<>();
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("java.class.path");
        for (int k = 0; k < kills; k++) {
            var pb = new ProcessBuilder(java, "-Xmx256m", "-cp", cp, "bench/StoreKillHarness.java", "child", data.toString(),
                    String.valueOf(threads), String.valueOf(k)).redirectError(ProcessBuilder.Redirect.INHERIT);
            Process p = pb.start();
            var out = new BufferedReader(new InputStreamReader(p.getInputStream()));
            var ackedNow = new ConcurrentHashMap<String, Integer>();
            var ready = new java.util.concurrent.CountDownLatch(1);
            var reader = new Thread(() -> {
                try {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.equals("ready")) {
                            ready.countDown();
                            continue;
                        }
                        int sp = line.indexOf(' ');
                        ackedNow.merge(line.substring(0, sp), Integer.parseInt(line.substring(sp + 1)), Math::max);
                    }
                } catch (Exception e) {
                    // killed
                }
            });
            reader.start();
            ready.await();
            Thread.sleep(300 + random.nextInt(1200));
            p.destroyForcibly();
            p.waitFor();
            reader.join();
            ackedNow.forEach((c, n) -> acked.merge(c, n, Math::max));
            long n = ackedNow.values().stream().mapToLong(Integer::longValue).sum();
            totalAcked += n;
            try (Store store = Store.open(data)) {
                for (var e : acked.entrySet()) {
                    List<TranscriptLine> lines = store.transcript(e.getKey(), 0);
                    var texts = new java.util.HashSet<String>();
                    lines.forEach(l -> texts.add(l.text()));
                    for (int t = 1; t <= e.getValue(); t++) {
                        if (!texts.contains(text(e.getKey(), t))) {
                            lost++;
                            if (problems.size() < 20) {
                                problems.add("kill " + k + ": " + e.getKey() + " turn " + t + " acknowledged but missing");
                            }
                        }
                    }
                }
                System.err.printf("kill %d: opened, %d turns acknowledged this run%n", k, n);
            } catch (Throwable t) {
                unopenable++;
                var sw = new java.io.StringWriter();
                t.printStackTrace(new java.io.PrintWriter(sw));
                String trace = sw.toString();
                System.err.printf("kill %d: STORE DID NOT OPEN: %s%n", k, trace.lines().limit(14).reduce((a, b) -> a + "\n" + b).orElse(""));
                problems.add("kill " + k + ": store did not open: " + t);
                // keep the broken copy, start again with a fresh directory
                Path broken = data.resolveSibling("broken-" + k);
                Files.move(data, broken);
                System.err.println("kept in " + broken);
                acked.clear();
            }
        }
        problems.forEach(s -> System.err.println("PROBLEM: " + s));
        System.out.printf("{\"kills\":%d,\"writers\":%d,\"seed\":%d,\"acknowledged\":%d,\"unopenable\":%d,\"acknowledgedButLost\":%d}%n",
                kills, threads, seed, totalAcked, unopenable, lost);
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    static String text(String conversation, int turn) {
        return "turn " + turn + " of " + conversation + ": where is my wallet, I paid twice and nobody answers";
    }

    static void child(Path data, int threads, int run) throws Exception {
        Store store = Store.open(data);
        var committer = new GroupCommitter(store);
        var stdout = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
        synchronized (stdout) {
            stdout.println("ready");
            stdout.flush();
        }
        for (int t = 0; t < threads; t++) {
            String conv = "web:run" + run + "-t" + t;
            new Thread(() -> {
                for (int turn = 1; ; turn++) {
                    var lines = List.of(
                            new TranscriptLine(0, "user", text(conv, turn), List.of(), List.of(), Instant.now()),
                            new TranscriptLine(0, "bot", "Sorry to hear that. A human will look at payment " + turn
                                    + " shortly; here is what I found in the FAQ about refunds and double charges.",
                                    List.of(), List.of(), Instant.now()));
                    var encoded = Store.encodeLines(lines);
                    try {
                        committer.submit(tx -> tx.appendTranscript(conv, encoded, 2)).get();
                    } catch (Exception e) {
                        return;
                    }
                    synchronized (stdout) {
                        stdout.println(conv + " " + turn);
                        stdout.flush();
                    }
                }
            }).start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}

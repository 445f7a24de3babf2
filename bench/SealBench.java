import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import supportbot.channel.Inbox;
import supportbot.dialogue.DialogueData;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.FaqLookup;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.TicketDirectory;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.Decision;
import supportbot.faq.FaqEntry;
import supportbot.faq.Lang;
import supportbot.faq.SearchResult;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * What encryption at rest costs: the same collection turns as EngineBench (real Inbox, 2 workers, MapDB, every
 * message committed before it counts) on a store that seals values and on one that writes them plain,
 * alternating so a busy machine slows both alike; then the data file's size, and how long /forget takes
 * with many tickets stored (it re-keys, which reads every ticket, outbox entry and gap).
 *
 *   bench/seal-bench.sh [conversations] [turns each] [rounds]
 */
public class SealBench {
    static final Clock CLOCK = Clock.systemUTC();

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("micro")) {
            micro();
            return;
        }
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int turns = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        var results = new LinkedHashMap<String, Object>();
        var rates = new LinkedHashMap<String, List<Double>>();
        var sizes = new LinkedHashMap<String, Long>();
        var forgets = new LinkedHashMap<String, List<Double>>();
        // Warm-up, not counted: the first run pays for class loading and the JIT for both modes.
        run(Files.createTempDirectory("seal-bench"), true, Math.min(conversations, 200), 5);
        run(Files.createTempDirectory("seal-bench"), false, Math.min(conversations, 200), 5);
        for (int round = 0; round < rounds; round++) {
            for (boolean encrypt : List.of(false, true)) {
                String mode = encrypt ? "sealed" : "plain";
                Path dir = Files.createTempDirectory("seal-bench");
                Run run = run(dir, encrypt, conversations, turns);
                rates.computeIfAbsent(mode, k -> new ArrayList<>()).add(run.messagesPerSecond);
                forgets.computeIfAbsent(mode, k -> new ArrayList<>()).add(run.forgetMillis);
                sizes.put(mode, Files.size(dir.resolve(Store.FILE_NAME)));
                System.err.printf("round %d %s: %.0f messages/s, forget %.1f ms, file %d bytes%n", round, mode,
                        run.messagesPerSecond, run.forgetMillis, sizes.get(mode));
            }
        }
        // The data file for many short conversations (two messages each, mid-report), where the per-value
        // overhead weighs most: the file grows in whole megabytes, so only a large store shows it.
        for (boolean encrypt : List.of(false, true)) {
            Path dir = Files.createTempDirectory("seal-bench-fill");
            fill(dir, encrypt, FILL);
            results.put((encrypt ? "sealed" : "plain") + "_data_file_bytes_" + FILL + "_conversations",
                    Files.size(dir.resolve(Store.FILE_NAME)));
        }
        results.put("conversations", conversations);
        results.put("turns_each", turns);
        results.put("rounds", rounds);
        for (String mode : rates.keySet()) {
            results.put(mode + "_messages_per_s_median", median(rates.get(mode)));
            results.put(mode + "_messages_per_s_runs", rates.get(mode));
            results.put(mode + "_forget_ms_median", median(forgets.get(mode)));
            results.put(mode + "_data_file_bytes", sizes.get(mode));
        }
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results);
        Files.createDirectories(Path.of("bench/out"));
        Files.writeString(Path.of("bench/out/seal-bench.json"), json);
        System.out.println(json);
    }

    record Run(double messagesPerSecond, double forgetMillis) {
    }

    static final int FILL = 20_000;

    static void fill(Path dir, boolean encrypt, int conversations) throws Exception {
        DialogueData data = DialogueData.load(Path.of("config"));
        var engine = new DialogueEngine(data, noFaq(), new DetailParsers(data.details(), CLOCK), noTickets(), CLOCK, Lang.EN);
        try (Store store = Store.open(dir, encrypt); var committer = new GroupCommitter(store);
             var inbox = new Inbox(store, committer, engine, data.messages(), 2, Set.of(), guard(store))) {
            long id = 0;
            var inFlight = new ArrayList<CompletableFuture<Inbox.Outcome>>();
            for (int c = 0; c < conversations; c++) {
                String key = "fill:" + c;
                inFlight.add(inbox.submit(text(key, "the app crashes every time I open it", ++id)));
                inFlight.add(inbox.submit(text(key, "iPhone 15 iOS 17.2", ++id)));
                if (inFlight.size() >= 4000) {
                    inFlight.forEach(CompletableFuture::join);
                    inFlight.clear();
                }
            }
            inFlight.forEach(CompletableFuture::join);
        }
    }

    /**
     * The real guard (secrets cut out, bans) on a clock that moves an hour per message: the bench sends each
     * conversation's turns faster than any person could, and flood control would drop them unprocessed.
     */
    static supportbot.safety.InboundGuard guard(Store store) {
        var nanos = new AtomicLong();
        return new supportbot.safety.InboundGuard(supportbot.safety.InboundGuard.Settings.defaults(),
                supportbot.safety.Secrets::redact, store::isBanned, () -> nanos.addAndGet(3_600_000_000_000L));
    }

    static TicketDirectory noTickets() {
        var numbers = new AtomicLong(1000);
        return new TicketDirectory() {
            public long nextNumber() { return numbers.incrementAndGet(); }
            public Optional<TicketStatus> status(long n) { return Optional.empty(); }
            public QueueInfo queueFor(int priority) { return new QueueInfo(1, java.time.Duration.ofMinutes(5), true, Instant.now()); }
        };
    }

    static Run run(Path dir, boolean encrypt, int conversations, int turnsEach) throws Exception {
        DialogueData data = DialogueData.load(Path.of("config"));
        var engine = new DialogueEngine(data, noFaq(), new DetailParsers(data.details(), CLOCK), noTickets(), CLOCK, Lang.EN);
        try (Store store = Store.open(dir, encrypt); var committer = new GroupCommitter(store);
             var inbox = new Inbox(store, committer, engine, data.messages(), 2, Set.of(), guard(store))) {
            long id = 0;
            var setup = new ArrayList<CompletableFuture<Inbox.Outcome>>();
            for (int c = 0; c < conversations; c++) {
                setup.add(inbox.submit(text("bench:" + c, "the app crashes every time I open it", ++id)));
            }
            setup.forEach(CompletableFuture::join);
            String[] cycle = {"iPhone 15 iOS 17.2", "yesterday 3pm", "skip", "skip", "edit", "edit:device",
                    "Samsung S23 Android 14", "edit", "edit:time", "2 hours ago"};
            var futures = new ArrayList<CompletableFuture<Inbox.Outcome>>(conversations * turnsEach);
            long start = System.nanoTime();
            for (int turn = 0; turn < turnsEach; turn++) {
                String step = cycle[turn % cycle.length];
                for (int c = 0; c < conversations; c++) {
                    String key = "bench:" + c;
                    futures.add(step.equals("skip") || step.startsWith("edit")
                            ? inbox.submit(Inbound.button("bench", key, key, step, Long.toString(++id), Instant.now()))
                            : inbox.submit(text(key, step, ++id)));
                }
            }
            futures.forEach(CompletableFuture::join);
            double rate = futures.size() / ((System.nanoTime() - start) / 1e9);

            // Every conversation hands its report to a person, so tickets are stored; then some forget.
            var handoff = new ArrayList<CompletableFuture<Inbox.Outcome>>();
            for (int c = 0; c < conversations; c++) {
                handoff.add(inbox.submit(text("bench:" + c, "/human", ++id)));
            }
            handoff.forEach(CompletableFuture::join);
            int forgetting = Math.min(50, conversations);
            long forgetNanos = 0;
            for (int c = 0; c < forgetting; c++) {
                String key = "bench:" + c;
                inbox.submit(text(key, "/forget", ++id)).join();
                long t0 = System.nanoTime();
                inbox.submit(Inbound.button("bench", key, key, "forget:yes", Long.toString(++id), Instant.now())).join();
                forgetNanos += System.nanoTime() - t0;
            }
            return new Run(rate, forgetNanos / 1e6 / forgetting);
        }
    }

    /**
     * CPU time of sealing and opening one value the size of a stored conversation, on this thread alone: a
     * steadier figure than messages per second on a shared machine.
     */
    static void micro() {
        byte[] key = supportbot.crypto.AesGcm.newKey();
        byte[] aad = new byte[8];
        for (int size : new int[] {200, 1500, 6000}) {
            byte[] value = new byte[size];
            new java.util.Random(size).nextBytes(value);
            var bean = java.lang.management.ManagementFactory.getThreadMXBean();
            int n = 200_000;
            double best = Double.MAX_VALUE;
            long sink = 0;
            for (int round = 0; round < 5; round++) { // the best of five: the first ones warm up the JIT
                long cpu = bean.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    byte[] sealed = supportbot.crypto.AesGcm.seal(key, value, aad, 9);
                    sink += supportbot.crypto.AesGcm.open(key, sealed, 9, aad).orElseThrow().length;
                }
                best = Math.min(best, (bean.getCurrentThreadCpuTime() - cpu) / 1e3 / n);
            }
            System.out.printf("%d-byte value: seal + open %.2f us CPU (checksum %d)%n", size, best, sink);
        }
    }

    static FaqLookup noFaq() {
        return new FaqLookup() {
            public SearchResult search(String text) { return new SearchResult(text, Lang.EN, Decision.NONE, List.of()); }
            public Optional<FaqEntry> entry(String id) { return Optional.empty(); }
        };
    }

    static Inbound text(String key, String text, long id) {
        return Inbound.text("bench", key, key, text, Long.toString(id), Instant.now());
    }

    static double median(List<Double> xs) {
        var sorted = xs.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}

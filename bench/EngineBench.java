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
import supportbot.config.ConfigLoader;
import supportbot.dialogue.DialogueData;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.FaqLookup;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.TicketDirectory;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.BgeEmbedder;
import supportbot.faq.CachingEmbedder;
import supportbot.faq.CoalescingEmbedder;
import supportbot.faq.QueryCache;
import supportbot.faq.Decision;
import supportbot.faq.EmbeddingCache;
import supportbot.faq.FaqEntry;
import supportbot.faq.FaqIndexer;
import supportbot.faq.FaqService;
import supportbot.faq.Lang;
import supportbot.faq.SearchResult;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * Engine throughput through the real Inbox (2 worker threads, MapDB, every message committed before its
 * future completes) and memory for 100,000 stored conversations.
 *
 *   bench/engine-bench.sh throughput   collection turns and FAQ turns, messages/s
 *   bench/engine-bench.sh memory       100,000 conversations; run with -Xmx512m by the script
 */
public class EngineBench {
    static final Clock CLOCK = Clock.systemUTC();

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "throughput";
        var results = new LinkedHashMap<String, Object>();
        if (mode.equals("throughput")) {
            results.putAll(collectionTurns(2000, 20));
            results.putAll(faqTurns(1000));
        } else if (mode.equals("faq")) {
            results.putAll(faqTurns(args.length > 1 ? Integer.parseInt(args[1]) : 1000));
            if (args.length > 2) {
                // engine-bench.sh compare: one file per jar and round
                mode = "faq-" + args[2];
            }
        } else if (mode.equals("summary")) {
            System.out.println(summary(java.util.Arrays.asList(args).subList(1, args.length)));
            return;
        } else {
            results.putAll(memory(args.length > 1 ? Integer.parseInt(args[1]) : 100_000));
        }
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results);
        Files.createDirectories(Path.of("bench/out"));
        Files.writeString(Path.of("bench/out/engine-bench-" + mode + ".json"), json);
        System.out.println(json);
    }

    record Bot(Store store, GroupCommitter committer, Inbox inbox) implements AutoCloseable {
        public void close() {
            inbox.close();
            committer.close();
            store.close();
        }
    }

    static Bot bot(FaqLookup faq) throws Exception {
        return bot(faq, DialogueData.load(Path.of("config")), 2);
    }

    static Bot bot(FaqLookup faq, DialogueData data, int workers) throws Exception {
        Store store = Store.open(Files.createTempDirectory("engine-bench"));
        var committer = new GroupCommitter(store);
        var numbers = new AtomicLong(1000);
        TicketDirectory tickets = new TicketDirectory() {
            public long nextNumber() { return numbers.incrementAndGet(); }
            public Optional<TicketStatus> status(long n) { return Optional.empty(); }
            public QueueInfo queueFor(int priority) { return new QueueInfo(1, java.time.Duration.ofMinutes(5), true, Instant.now()); }
        };
        var engine = new DialogueEngine(data, faq, new DetailParsers(data.details(), CLOCK), tickets, CLOCK, Lang.EN);
        return new Bot(store, committer, new Inbox(store, committer, engine, data.messages(), workers, Set.of()));
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

    /** Non-search turns: answering, editing and re-confirming details, the bulk of a report. */
    static Map<String, Object> collectionTurns(int conversations, int turnsEach) throws Exception {
        try (Bot bot = bot(noFaq())) {
            long id = 0;
            var setup = new ArrayList<CompletableFuture<Inbox.Outcome>>();
            for (int c = 0; c < conversations; c++) {
                setup.add(bot.inbox().submit(text("bench:" + c, "the app crashes every time I open it", ++id)));
            }
            setup.forEach(CompletableFuture::join);
            String[] cycle = {"iPhone 15 iOS 17.2", "yesterday 3pm", "skip", "skip", "edit", "edit:device", "Samsung S23 Android 14",
                    "edit", "edit:time", "2 hours ago"};
            long commitsBefore = bot.committer().commits();
            var futures = new ArrayList<CompletableFuture<Inbox.Outcome>>(conversations * turnsEach);
            long start = System.nanoTime();
            for (int turn = 0; turn < turnsEach; turn++) {
                String step = cycle[turn % cycle.length];
                for (int c = 0; c < conversations; c++) {
                    String key = "bench:" + c;
                    futures.add(step.equals("skip") || step.startsWith("edit")
                            ? bot.inbox().submit(Inbound.button("bench", key, key, step, Long.toString(++id), Instant.now()))
                            : bot.inbox().submit(text(key, step, ++id)));
                }
            }
            futures.forEach(CompletableFuture::join);
            double seconds = (System.nanoTime() - start) / 1e9;
            long commits = bot.committer().commits() - commitsBefore;
            var r = new LinkedHashMap<String, Object>();
            r.put("collection_messages", futures.size());
            r.put("collection_messages_per_s", futures.size() / seconds);
            r.put("collection_commits", commits);
            r.put("collection_messages_per_commit", (double) futures.size() / commits);
            return r;
        }
    }

    /**
     * Turns that need an embedding: questions answered from the real FAQ (semantic search on), intents read by
     * their labelled examples. Run three ways after a warm-up (so the JIT has finished compiling): the bench's
     * questions as they are (they repeat, as users' do), each made unique (no cache can help: batching alone),
     * and unique with 8 workers (more conversations in flight, bigger batches). Each run reports wall-clock
     * messages/s and process CPU per message: on a shared machine the wall clock measures the neighbours too,
     * while 2 cores divided by the CPU a message costs is what an idle 2-core machine could do (derived).
     * Uses only APIs that also exist before the speed work, so engine-bench.sh can run it on both jars.
     */
    static Map<String, Object> faqTurns(int messages) throws Exception {
        var r = new LinkedHashMap<String, Object>();
        faqTurns(Math.max(messages, 3000), true, 8, "warmup"); // compiles the hot paths; not reported
        r.putAll(faqTurns(messages, false, 2, "faq"));
        r.putAll(faqTurns(messages, true, 2, "faq_unique"));
        r.putAll(faqTurns(messages, true, 8, "faq_unique_8_workers"));
        return r;
    }

    static Map<String, Object> faqTurns(int messages, boolean unique, int workers, String label) throws Exception {
        var settings = new ConfigLoader().defaults().searchSettings();
        var model = new CountingEmbedder(new BgeEmbedder());
        var batcher = new CoalescingEmbedder(model, 16);
        var queries = new QueryCache(batcher, 20_000);
        var asked = new CountingEmbedder(new CachingEmbedder(queries, new EmbeddingCache(Path.of("data/cache/embeddings"))));
        var faq = new FaqService(Path.of("faq-data"), asked, settings, FaqIndexer.Progress.SILENT);
        var questions = new ArrayList<String>();
        for (String lang : List.of("zh", "en")) {
            for (String line : Files.readAllLines(Path.of("bench/queries-" + lang + ".jsonl"))) {
                questions.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("query").asText());
            }
        }
        var data = DialogueData.load(Path.of("config")).withEmbedder(asked);
        var searches = new AtomicLong();
        FaqLookup lookup = FaqLookup.of(faq);
        FaqLookup counted = new FaqLookup() {
            public SearchResult search(String text) {
                searches.incrementAndGet();
                return lookup.search(text);
            }

            public Optional<FaqEntry> entry(String id) {
                return lookup.entry(id);
            }
        };
        try (Bot bot = bot(counted, data, workers)) {
            var futures = new ArrayList<CompletableFuture<Inbox.Outcome>>();
            model.reset();
            asked.reset();
            searches.set(0);
            var cpu = CpuMeter.start();
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                // Each a new conversation, so every message is a fresh question and searches.
                String q = questions.get(i % questions.size());
                futures.add(bot.inbox().submit(text(label + ":" + i, unique ? q + " " + label + i : q, i)));
            }
            futures.forEach(CompletableFuture::join);
            double seconds = (System.nanoTime() - start) / 1e9;
            var used = cpu.stop();
            var r = new LinkedHashMap<String, Object>();
            r.put(label + "_messages", messages);
            r.put(label + "_workers", workers);
            r.put(label + "_messages_per_s", messages / seconds);
            r.put(label + "_cpu_ms_per_message", used.processMillis() / messages);
            r.put(label + "_derived_2_core_capacity_messages_per_s", 2 * 1000.0 * messages / used.processMillis());
            used.byThread().forEach((group, millis) -> r.put(label + "_cpu_ms_per_message_" + group, millis / messages));
            // The JIT compiler still at work after the warm-up is start-up cost, not what a running bot pays.
            double steady = used.processMillis() - used.byThread().getOrDefault("jit", 0.0);
            r.put(label + "_derived_2_core_capacity_without_jit_messages_per_s", 2 * 1000.0 * messages / steady);
            r.put(label + "_embedding_requests_per_turn", (double) asked.calls() / messages);
            r.put(label + "_model_calls_per_turn", (double) model.calls() / messages);
            r.put(label + "_texts_embedded_per_turn", (double) model.texts() / messages);
            r.put(label + "_texts_per_model_call", model.calls() == 0 ? 0 : (double) model.texts() / model.calls());
            r.put(label + "_faq_searches_per_turn", (double) searches.get() / messages);
            r.put(label + "_query_cache_hit_rate", queries.hitRate());
            return r;
        }
    }

    /** Counts the embedding calls that pass through it: query texts only (bulk embedding passes uncounted). */
    static final class CountingEmbedder implements supportbot.faq.Embedder {
        private final supportbot.faq.Embedder inner;
        private final AtomicLong calls = new AtomicLong();
        private final AtomicLong texts = new AtomicLong();

        CountingEmbedder(supportbot.faq.Embedder inner) {
            this.inner = inner;
        }

        public String modelId(Lang lang) {
            return inner.modelId(lang);
        }

        public int dimension(Lang lang) {
            return inner.dimension(lang);
        }

        public float[] embed(String text, Lang lang) {
            calls.incrementAndGet();
            texts.incrementAndGet();
            return inner.embed(text, lang);
        }

        public List<float[]> embedBatch(List<String> many, Lang lang) {
            calls.incrementAndGet();
            texts.addAndGet(many.size());
            return inner.embedBatch(many, lang);
        }

        public List<float[]> embedAll(List<String> many, Lang lang, java.util.function.IntConsumer progress) {
            return inner.embedAll(many, lang, progress);
        }

        void reset() {
            calls.set(0);
            texts.set(0);
        }

        long calls() {
            return calls.get();
        }

        long texts() {
            return texts.get();
        }
    }

    /**
     * Process CPU time over a run (all threads: workers, model, store, JIT, GC), and on Linux the same split by
     * thread from /proc/self/task, so a reader sees what a message costs and whether the JIT was still busy.
     */
    record CpuMeter(long processNanos, Map<String, Long> threadTicks) {
        record Used(double processMillis, Map<String, Double> byThread) {
        }

        static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

        static CpuMeter start() {
            return new CpuMeter(OS.getProcessCpuTime(), readThreadTicks());
        }

        Used stop() {
            double processMillis = (OS.getProcessCpuTime() - processNanos) / 1e6;
            var after = readThreadTicks();
            var byGroup = new java.util.TreeMap<String, Double>();
            // Kernel clock ticks are 10 ms on Linux (USER_HZ 100).
            after.forEach((group, ticks) -> byGroup.merge(group, (ticks - threadTicks.getOrDefault(group, 0L)) * 10.0, Double::sum));
            byGroup.values().removeIf(ms -> ms <= 0);
            return new Used(processMillis, byGroup);
        }

        private static Map<String, Long> readThreadTicks() {
            var ticks = new java.util.HashMap<String, Long>();
            Path tasks = Path.of("/proc/self/task");
            if (!Files.isDirectory(tasks)) {
                return ticks;
            }
            try (var dirs = Files.newDirectoryStream(tasks)) {
                for (Path task : dirs) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks.merge(group(Files.readString(task.resolve("comm")).strip()),
                                Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                    } catch (java.io.IOException | RuntimeException threadEnded) {
                        // the thread ended while we looked: its time is in the process total
                    }
                }
            } catch (java.io.IOException e) {
                return ticks;
            }
            return ticks;
        }

        private static String group(String threadName) {
            if (threadName.startsWith("inbox")) {
                return "workers";
            }
            if (threadName.startsWith("store-commit")) {
                return "store_commit";
            }
            if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
                return "jit";
            }
            if (threadName.startsWith("GC ") || threadName.startsWith("G1 ")) {
                return "gc";
            }
            return "other";
        }
    }

    static final List<String> RUNS = List.of("faq", "faq_unique", "faq_unique_8_workers");

    /**
     * Medians over the rounds of each jar (files named engine-bench-faq-{jar}-{round}.json): a table, then one
     * line to paste into the docs. Rounds alternate between the jars, so a neighbour's load hits both alike.
     */
    static String summary(List<String> files) throws Exception {
        if (files.isEmpty()) {
            return "summary: give the engine-bench-faq-{jar}-{round}.json files to summarise";
        }
        var byJar = new java.util.TreeMap<String, List<com.fasterxml.jackson.databind.JsonNode>>(java.util.Comparator.reverseOrder());
        for (String f : files) {
            String name = Path.of(f).getFileName().toString().replaceFirst("^engine-bench-faq-", "").replaceFirst("\\.json$", "");
            byJar.computeIfAbsent(name.replaceFirst("-[0-9]+$", ""), k -> new ArrayList<>())
                    .add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(Path.of(f).toFile()));
        }
        var out = new StringBuilder();
        out.append(String.format("%-8s %-22s %9s %10s %9s %9s %9s %9s %9s %9s %9s%n", "jar", "run", "msg/s", "CPU ms/msg",
                "JIT ms", "cap/s", "cap-JIT/s", "emb req", "texts", "per call", "searches"));
        out.append("CPU = process CPU time per message (all threads), JIT = its share spent compiling; cap = 2 cores / CPU per\n"
                + "message (derived idle-machine capacity); emb req = embedding requests per turn (intents + FAQ), texts = texts\n"
                + "the model embedded per turn, per call = texts per model run (batching), searches = FAQ searches per turn.\n");
        var line = new StringBuilder("FAQ turns (median of " + byJar.values().iterator().next().size() + " rounds):");
        for (String run : RUNS) {
            line.append(" ").append(run.replace("faq_unique_8_workers", "unique, 8 workers").replace("faq_unique", "unique")
                    .replace("faq", "repeated questions")).append(":");
            for (var jar : byJar.entrySet()) {
                double wall = median(jar.getValue(), run + "_messages_per_s");
                double cpu = median(jar.getValue(), run + "_cpu_ms_per_message");
                double cap = median(jar.getValue(), run + "_derived_2_core_capacity_messages_per_s");
                double steady = median(jar.getValue(), run + "_derived_2_core_capacity_without_jit_messages_per_s");
                out.append(String.format("%-8s %-22s %9.1f %10.2f %9.2f %9.0f %9.0f %9.2f %9.2f %9.2f %9.2f%n", jar.getKey(), run,
                        wall, cpu, median(jar.getValue(), run + "_cpu_ms_per_message_jit"), cap, steady,
                        median(jar.getValue(), run + "_embedding_requests_per_turn"),
                        median(jar.getValue(), run + "_texts_embedded_per_turn"), median(jar.getValue(), run + "_texts_per_model_call"),
                        median(jar.getValue(), run + "_faq_searches_per_turn")));
                line.append(String.format(" %s %.0f msg/s measured, %.2f ms CPU/msg, derived for 2 idle cores %.0f msg/s (%.0f without JIT);",
                        jar.getKey(), wall, cpu, cap, steady));
            }
        }
        line.setLength(line.length() - 1);
        return out.append(line).append('.').toString();
    }

    private static double median(List<com.fasterxml.jackson.databind.JsonNode> rounds, String key) {
        double[] v = rounds.stream().mapToDouble(n -> n.path(key).asDouble(Double.NaN)).sorted().toArray();
        return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** 100,000 conversations stored (each mid-report with details), then heap after a full GC. */
    static Map<String, Object> memory(int conversations) throws Exception {
        try (Bot bot = bot(noFaq())) {
            long id = 0;
            long start = System.nanoTime();
            var inFlight = new ArrayList<CompletableFuture<Inbox.Outcome>>();
            for (int c = 0; c < conversations; c++) {
                String key = "mem:" + c;
                inFlight.add(bot.inbox().submit(text(key, "the app crashes every time I open it", ++id)));
                inFlight.add(bot.inbox().submit(text(key, "iPhone 15 iOS 17.2", ++id)));
                if (inFlight.size() >= 4000) {
                    inFlight.forEach(CompletableFuture::join);
                    inFlight.clear();
                }
            }
            inFlight.forEach(CompletableFuture::join);
            double seconds = (System.nanoTime() - start) / 1e9;
            Runtime rt = Runtime.getRuntime();
            for (int i = 0; i < 3; i++) {
                System.gc();
                Thread.sleep(200);
            }
            var r = new LinkedHashMap<String, Object>();
            r.put("stored_conversations", bot.store().conversationCount());
            r.put("max_heap_mb", rt.maxMemory() / 1e6);
            r.put("heap_used_after_gc_mb", (rt.totalMemory() - rt.freeMemory()) / 1e6);
            r.put("store_file_mb", Files.size(bot.store().file()) / 1e6);
            r.put("fill_messages_per_s", 2.0 * conversations / seconds);
            return r;
        }
    }
}

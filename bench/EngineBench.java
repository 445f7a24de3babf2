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
            results.putAll(faqTurns(1000));
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
     * Questions answered from the real FAQ (semantic search on), intents read by their examples: one embedding
     * per new text, shared by the intents and the search, batched across conversations. Run three ways: the
     * bench's questions as they are (they repeat, as users' do), each made unique (no cache hit: batching
     * alone), and unique with 8 workers (more conversations in flight, bigger batches).
     */
    static Map<String, Object> faqTurns(int messages) throws Exception {
        var r = new LinkedHashMap<String, Object>();
        r.putAll(faqTurns(messages, false, 2, "faq"));
        r.putAll(faqTurns(messages, true, 2, "faq_unique"));
        r.putAll(faqTurns(messages, true, 8, "faq_unique_8_workers"));
        return r;
    }

    static Map<String, Object> faqTurns(int messages, boolean unique, int workers, String label) throws Exception {
        var settings = new ConfigLoader().defaults().searchSettings();
        var batcher = new CoalescingEmbedder(new BgeEmbedder(), 16);
        var queries = new QueryCache(batcher, 20_000);
        var embedder = new CachingEmbedder(queries, new EmbeddingCache(Path.of("data/cache/embeddings")));
        var faq = new FaqService(Path.of("faq-data"), embedder, settings, FaqIndexer.Progress.SILENT);
        var questions = new ArrayList<String>();
        for (String lang : List.of("zh", "en")) {
            for (String line : Files.readAllLines(Path.of("bench/queries-" + lang + ".jsonl"))) {
                questions.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line).get("query").asText());
            }
        }
        var data = DialogueData.load(Path.of("config")).withEmbedder(embedder);
        try (Bot bot = bot(FaqLookup.of(faq), data, workers)) {
            var futures = new ArrayList<CompletableFuture<Inbox.Outcome>>();
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                // Each a new conversation, so every message is a fresh question and searches.
                String q = questions.get(i % questions.size());
                futures.add(bot.inbox().submit(text(label + ":" + i, unique ? q + " " + i : q, i)));
            }
            futures.forEach(CompletableFuture::join);
            double seconds = (System.nanoTime() - start) / 1e9;
            var r = new LinkedHashMap<String, Object>();
            r.put(label + "_messages", messages);
            r.put(label + "_messages_per_s", messages / seconds);
            r.put(label + "_texts_per_model_call", batcher.meanBatch());
            r.put(label + "_query_cache_hit_rate", queries.hitRate());
            return r;
        }
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

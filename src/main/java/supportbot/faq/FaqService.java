package supportbot.faq;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live FAQ: loads, indexes, serves searches and reloads. A reload builds a complete new index off to the
 * side and swaps it in atomically; a broken edit leaves the previous index serving and logs what is wrong.
 */
public final class FaqService {
    private static final Logger log = LoggerFactory.getLogger(FaqService.class);

    /** Whether searches use the embeddings yet; {@code /health} reports it. */
    public enum Embeddings {
        /** semantic search is switched off: BM25 only, by choice */
        OFF,
        /** BM25 serves while the embeddings are computed in the background */
        BUILDING,
        /** hybrid search (BM25 + embeddings) */
        READY,
        /** the background build failed: BM25 keeps serving, the log says why */
        FAILED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A searcher with the order of the build that made it, so a slow older build never replaces a newer one. */
    private record Live(FaqSearcher searcher, long generation) {
    }

    private final Path location;
    private final Embedder embedder;
    private final SearchSettings settings;
    private final FaqIndexer.Progress progress;
    private final AtomicLong generations = new AtomicLong();
    private final AtomicReference<Live> current = new AtomicReference<>(new Live(null, -1));
    private final CompletableFuture<Void> embeddingsDone = new CompletableFuture<>();
    private volatile boolean embeddingsFailed;
    private boolean backgroundStarted;

    /** Loads and indexes now; throws {@link FaqLoadException} if the FAQ is broken, so a bad FAQ stops startup. */
    public FaqService(Path location, Embedder embedder, SearchSettings settings, FaqIndexer.Progress progress) {
        this(location, embedder, settings, progress, false);
    }

    private FaqService(Path location, Embedder embedder, SearchSettings settings, FaqIndexer.Progress progress,
                       boolean lexicalFirst) {
        this.location = location;
        this.embedder = settings.semantic() ? embedder : null;
        this.settings = settings;
        this.progress = progress;
        if (this.embedder == null || !lexicalFirst) {
            swapIn(build(this.embedder));
            warmUp();
            embeddingsDone.complete(null);
        } else {
            swapIn(build(null));
        }
    }

    /**
     * Serves BM25 at once; {@link #embedInBackground()} then computes the embeddings and switches to hybrid
     * search when they are ready, so a first start no longer waits 10-30 s for them. A broken FAQ still throws.
     */
    public static FaqService lexicalFirst(Path location, Embedder embedder, SearchSettings settings,
                                          FaqIndexer.Progress progress) {
        return new FaqService(location, embedder, settings, progress, true);
    }

    /**
     * Starts the embedding build on a background thread (once; later calls do nothing). The caller starts it
     * when the rest of start-up is done, so the two do not compete for the cores.
     *
     * @return completes when the build has finished, whether it succeeded or not
     */
    public synchronized CompletableFuture<Void> embedInBackground() {
        if (!embeddingsDone.isDone() && !backgroundStarted) {
            backgroundStarted = true;
            log.info("FAQ: BM25-only search until the embeddings are ready (computing them in the background)");
            var thread = new Thread(this::buildEmbeddings, "faq-embeddings");
            thread.setDaemon(true);
            thread.start();
        }
        return embeddingsDone();
    }

    private void buildEmbeddings() {
        long start = System.nanoTime();
        try {
            long generation = generations.incrementAndGet();
            FaqSearcher hybrid = new FaqSearcher(new FaqIndexer(embedder, progress).build(FaqSources.load(location)),
                    embedder, settings);
            hybrid.search("hello"); // loads the query-side models before any user waits for them
            hybrid.search("你好");
            if (swapIn(new Live(hybrid, generation))) {
                log.info("FAQ embeddings ready after {} ms: hybrid search (BM25 + embeddings) is on",
                        (System.nanoTime() - start) / 1_000_000);
            }
        } catch (RuntimeException | Error e) {
            embeddingsFailed = true;
            log.error("FAQ embeddings failed, search stays BM25-only: {}", e.toString());
        } finally {
            embeddingsDone.complete(null);
        }
    }

    /** Loads the query-side models now, so the first user does not wait for them. */
    private void warmUp() {
        search("hello");
        search("你好");
    }

    public SearchResult search(String query) {
        return current.get().searcher().search(query);
    }

    public FaqSearcher searcher() {
        return current.get().searcher();
    }

    public FaqCatalog catalog() {
        return current.get().searcher().index().catalog();
    }

    public Path location() {
        return location;
    }

    public Embeddings embeddings() {
        if (embedder == null) {
            return Embeddings.OFF;
        }
        if (current.get().searcher().index().semantic()) {
            return Embeddings.READY;
        }
        return embeddingsFailed ? Embeddings.FAILED : Embeddings.BUILDING;
    }

    /** Completes when the background build has finished, whether it succeeded or not (already done otherwise). */
    public CompletableFuture<Void> embeddingsDone() {
        return embeddingsDone.copy();
    }

    /** @return true when the new FAQ is live, false when it was rejected and the old one kept */
    public boolean reload() {
        Live fresh;
        try {
            fresh = build(embedder);
        } catch (RuntimeException e) {
            log.error("FAQ reload rejected, still serving the previous version: {}", e.getMessage());
            return false;
        }
        boolean live = swapIn(fresh);
        var stats = fresh.searcher().index().stats();
        log.info("FAQ reloaded: {} topics ({} ms)", stats.entries(), stats.buildMillis());
        // Searches that already hold the old searcher finish on it; its in-memory index is left to the GC.
        return live;
    }

    private Live build(Embedder withEmbedder) {
        long generation = generations.incrementAndGet();
        FaqCatalog catalog = FaqSources.load(location);
        FaqIndex index = new FaqIndexer(withEmbedder, progress).build(catalog);
        return new Live(new FaqSearcher(index, withEmbedder, settings), generation);
    }

    /** @return false when a build that started later is already serving */
    private boolean swapIn(Live fresh) {
        return current.accumulateAndGet(fresh, (old, candidate) -> candidate.generation() > old.generation()
                ? candidate : old) == fresh;
    }
}

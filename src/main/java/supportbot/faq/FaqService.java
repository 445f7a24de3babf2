package supportbot.faq;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live FAQ: loads, indexes, serves searches and reloads. A reload builds a complete new index off to the
 * side and swaps it in atomically; a broken edit leaves the previous index serving and logs what is wrong.
 */
public final class FaqService {
    private static final Logger log = LoggerFactory.getLogger(FaqService.class);

    private final Path location;
    private final Embedder embedder;
    private final SearchSettings settings;
    private final FaqIndexer.Progress progress;
    private final AtomicReference<FaqSearcher> current = new AtomicReference<>();

    /** Loads and indexes now; throws {@link FaqLoadException} if the FAQ is broken, so a bad FAQ stops startup. */
    public FaqService(Path location, Embedder embedder, SearchSettings settings, FaqIndexer.Progress progress) {
        this.location = location;
        this.embedder = settings.semantic() ? embedder : null;
        this.settings = settings;
        this.progress = progress;
        current.set(build());
        warmUp();
    }

    /** Loads the query-side models now, so the first user does not wait for them. */
    private void warmUp() {
        search("hello");
        search("你好");
    }

    public SearchResult search(String query) {
        return current.get().search(query);
    }

    public FaqSearcher searcher() {
        return current.get();
    }

    public FaqCatalog catalog() {
        return current.get().index().catalog();
    }

    public Path location() {
        return location;
    }

    /** @return true when the new FAQ is live, false when it was rejected and the old one kept */
    public boolean reload() {
        FaqSearcher fresh;
        try {
            fresh = build();
        } catch (RuntimeException e) {
            log.error("FAQ reload rejected, still serving the previous version: {}", e.getMessage());
            return false;
        }
        FaqSearcher old = current.getAndSet(fresh);
        log.info("FAQ reloaded: {} topics ({} ms)", fresh.index().stats().entries(), fresh.index().stats().buildMillis());
        // Searches that already hold the old searcher finish on it; its in-memory index is left to the GC.
        return old != fresh;
    }

    private FaqSearcher build() {
        FaqCatalog catalog = FaqSources.load(location);
        FaqIndex index = new FaqIndexer(embedder, progress).build(catalog);
        return new FaqSearcher(index, embedder, settings);
    }
}

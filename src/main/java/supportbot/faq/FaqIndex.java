package supportbot.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;

/**
 * A built, read-only index of one catalog. Never changed after construction: a reload builds a new one and
 * swaps it in, so searches in flight keep a consistent view.
 */
public final class FaqIndex implements AutoCloseable {
    static final String FIELD_ENTRY = "entry";
    static final String FIELD_KIND = "kind";
    static final long KIND_PHRASING = 0;
    static final long KIND_ANSWER = 1;

    private final FaqCatalog catalog;
    private final List<FaqEntry> byOrdinal;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final boolean semantic;
    private final Stats stats;

    FaqIndex(FaqCatalog catalog, Directory directory, boolean semantic, Stats stats) throws IOException {
        this.catalog = catalog;
        this.byOrdinal = catalog.entries();
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.semantic = semantic;
        this.stats = stats;
    }

    public FaqCatalog catalog() {
        return catalog;
    }

    FaqEntry entry(int ordinal) {
        return byOrdinal.get(ordinal);
    }

    IndexSearcher searcher() {
        return searcher;
    }

    public boolean semantic() {
        return semantic;
    }

    public Stats stats() {
        return stats;
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What went into the index and what it cost; {@code index} prints this. */
    public record Stats(int entries, long zhEntries, long enEntries, int documents, int vectors,
                        long embeddedFresh, long embeddedFromCache, long buildMillis) {
    }
}

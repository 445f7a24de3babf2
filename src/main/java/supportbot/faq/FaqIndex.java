package supportbot.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
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
    /** Topic ordinal of each document, by global doc id. */
    private final int[] entryOfDoc;
    /** Whether each document is answer text (not a phrasing of the question), by global doc id. */
    private final boolean[] answerDoc;
    /** Each language's document vectors, read back from the index once, for {@link #nearest}. */
    private final Map<Lang, VectorScan> vectors = new EnumMap<>(Lang.class);

    FaqIndex(FaqCatalog catalog, Directory directory, boolean semantic, Stats stats) throws IOException {
        this.catalog = catalog;
        this.byOrdinal = catalog.entries();
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.semantic = semantic;
        this.stats = stats;
        // Read once here: opening a doc-values iterator per search hit cost more than the BM25 search itself.
        this.entryOfDoc = new int[reader.maxDoc()];
        this.answerDoc = new boolean[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues entries = leaf.reader().getNumericDocValues(FIELD_ENTRY);
            NumericDocValues kinds = leaf.reader().getNumericDocValues(FIELD_KIND);
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                entryOfDoc[leaf.docBase + doc] = (int) value(entries, doc);
                answerDoc[leaf.docBase + doc] = value(kinds, doc) == KIND_ANSWER;
            }
        }
        readVectors();
    }

    private void readVectors() throws IOException {
        for (Lang lang : Lang.values()) {
            var docs = new ArrayList<Integer>();
            var rows = new ArrayList<float[]>();
            for (LeafReaderContext leaf : reader.leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(FaqIndexer.vectorField(lang));
                if (values == null) {
                    continue;
                }
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    docs.add(leaf.docBase + doc);
                    rows.add(values.vectorValue().clone());
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            vectors.put(lang, new VectorScan(docs.stream().mapToInt(Integer::intValue).toArray(),
                    rows.toArray(new float[0][])));
        }
    }

    /** The {@code k} documents of {@code lang} most similar to {@code query}, best first; see {@link VectorScan}. */
    ScoreDoc[] nearest(Lang lang, float[] query, int k) {
        VectorScan scan = vectors.get(lang);
        return scan == null ? new ScoreDoc[0] : scan.nearest(query, k);
    }

    private static long value(NumericDocValues values, int doc) throws IOException {
        if (values == null || !values.advanceExact(doc)) {
            throw new IllegalStateException("FAQ index document " + doc + " lacks its entry fields");
        }
        return values.longValue();
    }

    /** The topic ordinal of a document (a global doc id, as search hits give it). */
    int entryOf(int doc) {
        return entryOfDoc[doc];
    }

    /** True when the document is a topic's answer text rather than a phrasing of its question. */
    boolean isAnswerText(int doc) {
        return answerDoc[doc];
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

package supportbot.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Builds a {@link FaqIndex}: one Lucene document per phrasing (question or alternate) and one per answer, each
 * with its language's lexical fields and, when semantic search is on, its language's vector.
 */
public final class FaqIndexer {
    /** Receives embedding progress: texts done so far and total. */
    public interface Progress {
        void update(Lang lang, int done, int total);

        Progress SILENT = (lang, done, total) -> { };
    }

    private final Embedder embedder;
    private final Progress progress;

    /** @param embedder null for a lexical-only index */
    public FaqIndexer(Embedder embedder, Progress progress) {
        this.embedder = embedder;
        this.progress = progress;
    }

    public static String vectorField(Lang lang) {
        return "vector_" + lang.code();
    }

    public FaqIndex build(FaqCatalog catalog) {
        long start = System.nanoTime();
        List<FaqEntry> entries = catalog.entries();
        Map<Lang, List<Doc>> docsByLang = new EnumMap<>(Lang.class);
        for (int ordinal = 0; ordinal < entries.size(); ordinal++) {
            for (var text : entries.get(ordinal).texts().entrySet()) {
                var docs = docsByLang.computeIfAbsent(text.getKey(), l -> new ArrayList<>());
                for (String phrasing : text.getValue().phrasings()) {
                    docs.add(new Doc(ordinal, FaqIndex.KIND_PHRASING, phrasing));
                }
                docs.add(new Doc(ordinal, FaqIndex.KIND_ANSWER, text.getValue().answer()));
            }
        }
        long fresh = 0;
        long cached = 0;
        var vectors = new EnumMap<Lang, List<float[]>>(Lang.class);
        if (embedder != null) {
            // Every language's total first, so a progress display can show the whole job from the start.
            docsByLang.forEach((lang, docs) -> progress.update(lang, 0, docs.size()));
            for (var e : docsByLang.entrySet()) {
                Lang lang = e.getKey();
                List<String> texts = e.getValue().stream().map(Doc::text).toList();
                long hitsBefore = embedder instanceof CachingEmbedder c ? c.hits() : 0;
                vectors.put(lang, embedder.embedAll(texts, lang, done -> progress.update(lang, done, texts.size())));
                long hits = embedder instanceof CachingEmbedder c ? c.hits() - hitsBefore : 0;
                cached += hits;
                fresh += texts.size() - hits;
            }
        }
        var directory = new ByteBuffersDirectory();
        int documents = 0;
        int vectorCount = 0;
        try (var writer = new IndexWriter(directory, new IndexWriterConfig(FaqAnalyzers.perField())
                .setRAMBufferSizeMB(256))) {
            for (var e : docsByLang.entrySet()) {
                Lang lang = e.getKey();
                List<float[]> langVectors = vectors.get(lang);
                for (int i = 0; i < e.getValue().size(); i++) {
                    Doc d = e.getValue().get(i);
                    var doc = new Document();
                    doc.add(new NumericDocValuesField(FaqIndex.FIELD_ENTRY, d.ordinal()));
                    doc.add(new NumericDocValuesField(FaqIndex.FIELD_KIND, d.kind()));
                    for (String field : FaqAnalyzers.fieldsFor(lang)) {
                        doc.add(new TextField(field, d.text(), Field.Store.NO));
                    }
                    if (langVectors != null) {
                        doc.add(new KnnFloatVectorField(vectorField(lang), langVectors.get(i),
                                VectorSimilarityFunction.COSINE));
                        vectorCount++;
                    }
                    writer.addDocument(doc);
                    documents++;
                }
            }
            writer.forceMerge(1);
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build FAQ index", e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        var stats = new FaqIndex.Stats(entries.size(), catalog.countIn(Lang.ZH), catalog.countIn(Lang.EN), documents,
                vectorCount, fresh, cached, millis);
        try {
            return new FaqIndex(catalog, directory, embedder != null, stats);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open FAQ index", e);
        }
    }

    private record Doc(int ordinal, long kind, String text) {
    }
}

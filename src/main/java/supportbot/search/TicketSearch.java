package supportbot.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;
import supportbot.desk.Agent;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.Tier;
import supportbot.faq.FaqAnalyzers;
import supportbot.store.Store;
import supportbot.store.TranscriptLine;

/**
 * Full-text search over tickets: category, labels, collected details, notes, replies and the conversation's
 * transcript, in English and Chinese, analysed as the FAQ analyses them.
 *
 * <p>The index lives in memory only ({@link ByteBuffersDirectory}): transcripts are sealed in the store, and an
 * index on disk would hold their words in clear. It is built from the store on first use; after a commit, the
 * next search re-indexes the tickets whose version changed (every message, reply, detail, erasure or label adds
 * an event, so the version says when a ticket's words changed). docs/desk-tools.md has the measured cost.
 * Every text goes into all three language fields, since a Chinese ticket often carries English words (USDT,
 * TRC20, a hash) and the other way round.
 */
public final class TicketSearch {
    private static final List<String> FIELDS = List.of(FaqAnalyzers.FIELD_EN, FaqAnalyzers.FIELD_ZH_WORDS,
            FaqAnalyzers.FIELD_ZH_BIGRAMS);
    private static final int MAX_HITS = 200;

    private final Store store;
    private final AtomicBoolean stale = new AtomicBoolean(true);
    private final org.apache.lucene.analysis.Analyzer analyzer = FaqAnalyzers.perField();
    private final java.util.Map<Long, Long> indexedVersions = new java.util.HashMap<>();
    private IndexWriter writer;
    private DirectoryReader reader;

    public TicketSearch(Store store) {
        this.store = store;
    }

    /** Call on every commit: the next search rebuilds. */
    public void storeChanged() {
        stale.set(true);
    }

    /** @param hit a ticket and how well it matched (0 when the query had no words) */
    public record Hit(Ticket ticket, double score) {
    }

    /** Best match first; with no words, newest first. Escalated tickets only for supervisors. */
    public List<Hit> search(Agent agent, TicketQuery query) {
        var out = new ArrayList<Hit>();
        if (query.text().isEmpty()) {
            store.tickets().stream().filter(t -> visible(agent, t)).filter(query::accepts)
                    .sorted(java.util.Comparator.comparing(Ticket::openedAt).reversed()).limit(MAX_HITS)
                    .forEach(t -> out.add(new Hit(t, 0)));
            return out;
        }
        Query q = parse(query.text());
        if (q == null) {
            return out; // only stop words or punctuation
        }
        try {
            IndexSearcher s = current();
            for (ScoreDoc d : s.search(q, MAX_HITS * 5).scoreDocs) {
                long number = Long.parseLong(s.storedFields().document(d.doc).get("id"));
                store.ticket(number).filter(t -> visible(agent, t)).filter(query::accepts)
                        .ifPresent(t -> out.add(new Hit(t, d.score)));
                if (out.size() == MAX_HITS) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean visible(Agent agent, Ticket t) {
        return t.tier() == Tier.AGENT || agent.supervisor();
    }

    private Query parse(String text) {
        var builder = new QueryBuilder(analyzer);
        var any = new BooleanQuery.Builder();
        boolean some = false;
        for (String field : FIELDS) {
            Query q = builder.createBooleanQuery(field, text, BooleanClause.Occur.SHOULD);
            if (q != null) {
                any.add(q, BooleanClause.Occur.SHOULD);
                some = true;
            }
        }
        return some ? any.build() : null;
    }

    private synchronized IndexSearcher current() throws IOException {
        if (writer == null) {
            writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
        }
        if (reader == null || stale.getAndSet(false)) {
            for (Ticket t : store.tickets()) {
                if (!Long.valueOf(t.version()).equals(indexedVersions.get(t.number()))) {
                    writer.updateDocument(new org.apache.lucene.index.Term("id", Long.toString(t.number())),
                            document(t, store.transcript(t.draft().conversationKey(), 0)));
                    indexedVersions.put(t.number(), t.version());
                }
            }
            DirectoryReader next = reader == null ? DirectoryReader.open(writer) : DirectoryReader.openIfChanged(reader, writer);
            if (next != null) {
                if (reader != null) {
                    reader.close();
                }
                reader = next;
            }
        }
        return new IndexSearcher(reader);
    }

    static Document document(Ticket t, List<TranscriptLine> transcript) {
        var text = new StringBuilder();
        var d = t.draft();
        append(text, d.categoryId());
        t.labels().forEach(l -> append(text, l));
        d.details().values().forEach(v -> {
            append(text, v.value());
            append(text, v.display());
        });
        for (TicketEvent e : t.events()) {
            if (e.type() != TicketEvent.Type.ASSIST) {
                append(text, e.text());
            }
        }
        transcript.forEach(l -> append(text, l.text()));
        var doc = new Document();
        doc.add(new StringField("id", Long.toString(t.number()), Field.Store.YES));
        doc.add(new StoredField("number", t.number()));
        for (String field : FIELDS) {
            doc.add(new TextField(field, text.toString(), Field.Store.NO));
        }
        return doc;
    }

    private static void append(StringBuilder text, String part) {
        if (part != null && !part.isBlank() && !part.equals(Ticket.ERASED)) {
            text.append(part).append('\n');
        }
    }
}

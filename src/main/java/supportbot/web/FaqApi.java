package supportbot.web;

import io.javalin.http.Context;
import java.util.List;
import supportbot.faq.FaqService;
import supportbot.faq.SearchResult;

/** {@code GET /api/faq/search?q=…}: the decision and the top candidates, with answers in the asker's language. */
final class FaqApi {
    private static final int MAX_QUERY_CHARS = 2000;
    private final FaqService faq;

    record Candidate(String id, double score, String question, String answer) {
    }

    record Answer(String decision, String lang, List<Candidate> candidates) {
    }

    FaqApi(FaqService faq) {
        this.faq = faq;
    }

    void search(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || supportbot.text.TextNormalizer.isBlank(q)) { // "%00%00", NBSP, zero-width space: nothing to search
            throw new HttpError(400, "query parameter 'q' is required");
        }
        if (q.length() > MAX_QUERY_CHARS) {
            throw new HttpError(400, "question is too long (max " + MAX_QUERY_CHARS + " characters)");
        }
        SearchResult r = faq.search(q);
        List<Candidate> candidates = r.top(5).stream().map(c -> new Candidate(c.entry().id(),
                Math.round(c.score() * 1000) / 1000.0, c.entry().preferring(r.lang()).question(),
                c.entry().preferring(r.lang()).answer())).toList();
        ctx.json(new Answer(r.decision().label(), r.lang().code(), candidates));
    }
}

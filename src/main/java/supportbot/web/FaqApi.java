package supportbot.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import supportbot.faq.FaqService;
import supportbot.faq.SearchResult;

/** {@code GET /api/faq/search?q=…}: the decision and the top candidates, with answers in the asker's language. */
final class FaqApi {
    private static final int MAX_QUERY_CHARS = 2000;
    private final FaqService faq;

    FaqApi(FaqService faq) {
        this.faq = faq;
    }

    void search(Context ctx) {
        String q = ctx.queryParam("q");
        if (q == null || supportbot.text.TextNormalizer.isBlank(q)) { // "%00%00", NBSP, zero-width space: nothing to search
            ctx.status(400).json(Map.of("error", "query parameter 'q' is required"));
            return;
        }
        if (q.length() > MAX_QUERY_CHARS) {
            ctx.status(400).json(Map.of("error", "question is too long (max " + MAX_QUERY_CHARS + " characters)"));
            return;
        }
        SearchResult r = faq.search(q);
        List<Map<String, Object>> candidates = r.top(5).stream().map(c -> Map.<String, Object>of(
                "id", c.entry().id(),
                "score", Math.round(c.score() * 1000) / 1000.0,
                "question", c.entry().preferring(r.lang()).question(),
                "answer", c.entry().preferring(r.lang()).answer())).toList();
        ctx.json(Map.of("decision", r.decision().label(), "lang", r.lang().code(), "candidates", candidates));
    }
}

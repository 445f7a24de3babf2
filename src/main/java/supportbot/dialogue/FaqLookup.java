package supportbot.dialogue;

import java.util.Optional;
import supportbot.faq.FaqEntry;
import supportbot.faq.FaqService;
import supportbot.faq.SearchResult;

/** The engine's view of the FAQ: search and look up by id. */
public interface FaqLookup {
    SearchResult search(String text);

    Optional<FaqEntry> entry(String id);

    /** Times every search the dialogue makes through {@code lookup} and counts its decision. */
    static FaqLookup measured(FaqLookup lookup, supportbot.metrics.BotMetrics metrics) {
        return new FaqLookup() {
            @Override
            public SearchResult search(String text) {
                long start = System.nanoTime();
                SearchResult result = lookup.search(text);
                metrics.faqSearch(System.nanoTime() - start, result.decision().label());
                return result;
            }

            @Override
            public Optional<FaqEntry> entry(String id) {
                return lookup.entry(id);
            }
        };
    }

    static FaqLookup of(FaqService faq) {
        return new FaqLookup() {
            @Override
            public SearchResult search(String text) {
                return faq.search(text);
            }

            @Override
            public Optional<FaqEntry> entry(String id) {
                return faq.catalog().get(id);
            }
        };
    }
}

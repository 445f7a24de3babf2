package supportbot.dialogue;

import java.util.Optional;
import supportbot.faq.FaqEntry;
import supportbot.faq.FaqService;
import supportbot.faq.SearchResult;

/** The engine's view of the FAQ: search and look up by id. */
public interface FaqLookup {
    SearchResult search(String text);

    Optional<FaqEntry> entry(String id);

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

package supportbot.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import supportbot.config.AppConfig;
import supportbot.faq.BgeEmbedder;
import supportbot.faq.CachingEmbedder;
import supportbot.faq.CoalescingEmbedder;
import supportbot.faq.QueryCache;
import supportbot.faq.EmbeddingCache;
import supportbot.faq.FaqCatalog;
import supportbot.faq.FaqIndexer;
import supportbot.faq.FaqSearcher;
import supportbot.faq.FaqService;
import supportbot.faq.SearchSettings;

/** Wires the FAQ from config and command-line overrides, the same way for every subcommand. */
final class FaqBootstrap {
    private static final int QUERY_BATCH = 16;
    private static final long QUERY_CACHE_TEXTS = 20_000;
    private final AppConfig config;
    private final Path faqLocation;
    private final SearchSettings settings;
    private final CachingEmbedder embedder;

    FaqBootstrap(CommonOptions options) {
        this.config = options.loadConfig();
        this.faqLocation = options.faq != null ? options.faq : config.faqDir();
        SearchSettings fromConfig = config.searchSettings();
        this.settings = options.noSemantic ? fromConfig.withSemantic(false) : fromConfig;
        // Queries from concurrent conversations share one model call, and a text embedded for the intents is not
        // embedded again for the FAQ search (or for the next user who writes the same words).
        this.embedder = new CachingEmbedder(new QueryCache(new CoalescingEmbedder(new BgeEmbedder(), QUERY_BATCH),
                QUERY_CACHE_TEXTS), new EmbeddingCache(config.embeddingCacheDir()));
    }

    AppConfig config() {
        return config;
    }

    SearchSettings settings() {
        return settings;
    }

    CachingEmbedder embedder() {
        return embedder;
    }

    FaqService service(PrintStream progressOut) {
        return new FaqService(faqLocation, embedder, settings, progress(progressOut));
    }

    /** For {@code run}: BM25 at once, hybrid search when the embeddings are ready. */
    FaqService serviceLexicalFirst(PrintStream progressOut) {
        return FaqService.lexicalFirst(faqLocation, embedder, settings, progress(progressOut));
    }

    FaqSearcher searcher(FaqCatalog catalog, PrintStream progressOut) {
        var index = new FaqIndexer(settings.semantic() ? embedder : null, progress(progressOut)).build(catalog);
        return new FaqSearcher(index, embedder, settings);
    }

    /** The embedder for intent examples, or null when semantic search is off (then intents use rules only). */
    supportbot.faq.Embedder intentEmbedder() {
        return settings.semantic() ? embedder : null;
    }

    Path faqLocation() {
        return faqLocation;
    }

    static FaqIndexer.Progress progress(PrintStream out) {
        return EmbeddingProgress.forStream(out);
    }
}

package supportbot.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import supportbot.config.AppConfig;
import supportbot.faq.BgeEmbedder;
import supportbot.faq.CachingEmbedder;
import supportbot.faq.EmbeddingCache;
import supportbot.faq.FaqCatalog;
import supportbot.faq.FaqIndexer;
import supportbot.faq.FaqSearcher;
import supportbot.faq.FaqService;
import supportbot.faq.SearchSettings;

/** Wires the FAQ from config and command-line overrides, the same way for every subcommand. */
final class FaqBootstrap {
    private final AppConfig config;
    private final Path faqLocation;
    private final SearchSettings settings;
    private final CachingEmbedder embedder;

    FaqBootstrap(CommonOptions options) {
        this.config = options.loadConfig();
        this.faqLocation = options.faq != null ? options.faq : config.faqDir();
        SearchSettings fromConfig = config.searchSettings();
        this.settings = options.noSemantic ? fromConfig.withSemantic(false) : fromConfig;
        this.embedder = new CachingEmbedder(new BgeEmbedder(), new EmbeddingCache(config.embeddingCacheDir()));
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

    Path faqLocation() {
        return faqLocation;
    }

    static FaqIndexer.Progress progress(PrintStream out) {
        return EmbeddingProgress.forStream(out);
    }
}

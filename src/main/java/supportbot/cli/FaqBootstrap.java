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
import supportbot.faq.Lang;
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

    FaqSearcher searcher(FaqCatalog catalog, PrintStream progressOut) {
        var index = new FaqIndexer(settings.semantic() ? embedder : null, progress(progressOut)).build(catalog);
        return new FaqSearcher(index, embedder, settings);
    }

    Path faqLocation() {
        return faqLocation;
    }

    /** Prints every 10 % (and the end), so logs stay readable when output is not a terminal. */
    static FaqIndexer.Progress progress(PrintStream out) {
        return new FaqIndexer.Progress() {
            private final int[] lastDecile = new int[Lang.values().length];

            @Override
            public void update(Lang lang, int done, int total) {
                if (total < 200) {
                    return;
                }
                int decile = done * 10 / total;
                if (decile > lastDecile[lang.ordinal()] || done == total) {
                    lastDecile[lang.ordinal()] = decile;
                    out.printf("embedding %s FAQ texts: %d/%d%n", lang.code(), done, total);
                }
            }
        };
    }
}

package supportbot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "index", description = "Validate the FAQ, rebuild the index (embedding what is new) and print counts.")
final class IndexCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options = new CommonOptions();

    @Override
    public Integer call() {
        var bootstrap = new FaqBootstrap(options);
        var stats = bootstrap.service(System.out).searcher().index().stats();
        System.out.printf("FAQ %s: %d topics (zh %d, en %d), %d documents, %d vectors%n", bootstrap.faqLocation(),
                stats.entries(), stats.zhEntries(), stats.enEntries(), stats.documents(), stats.vectors());
        System.out.printf("embeddings: %d from cache, %d computed; built in %d ms%n", stats.embeddedFromCache(),
                stats.embeddedFresh(), stats.buildMillis());
        return 0;
    }
}

package supportbot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import supportbot.faq.EvalReport;
import supportbot.faq.FaqCatalog;
import supportbot.faq.FaqEvaluation;
import supportbot.faq.FaqJsonlLoader;
import supportbot.faq.FaqSources;
import supportbot.faq.LabelledQuery;

@Command(name = "eval", description = "Measure FAQ retrieval on labelled queries: R@1, R@3, MRR, answer coverage "
        + "and precision, latency.")
final class EvalCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = "--queries", required = true, paramLabel = "Q.jsonl",
            description = "lines of {\"query\":…, \"expected\":\"<id>\"}")
    Path queries;

    @Option(names = "--examples", paramLabel = "E.jsonl",
            description = "labelled queries added to their entry's alternates before indexing")
    Path examples;

    @Option(names = "--json", description = "print one JSON object instead of a table")
    boolean json;

    @Override
    public Integer call() throws Exception {
        var bootstrap = new FaqBootstrap(options);
        var reader = new FaqJsonlLoader();
        List<LabelledQuery> labelled = reader.loadQueries(existing(queries));
        FaqCatalog catalog = FaqSources.load(bootstrap.faqLocation());
        if (examples != null) {
            catalog = catalog.withExamples(reader.loadQueries(existing(examples)));
        }
        for (LabelledQuery q : labelled) {
            if (catalog.get(q.expected()).isEmpty()) {
                throw new OperatorErrorHandler.UsageProblem(queries + ": query expects unknown FAQ id '" + q.expected()
                        + "': " + q.query());
            }
        }
        var searcher = bootstrap.searcher(catalog, System.err);
        EvalReport report = FaqEvaluation.run(searcher, labelled);
        System.out.print(json ? new ObjectMapper().writeValueAsString(report) + System.lineSeparator() : report.toText());
        return 0;
    }

    private static Path existing(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new OperatorErrorHandler.UsageProblem(p + ": no such file");
        }
        return p;
    }
}

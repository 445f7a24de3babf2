package supportbot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import supportbot.desk.KnowledgeGaps;
import supportbot.store.Store;

@Command(name = "gaps", description = "Knowledge gaps: questions the FAQ could not answer (grouped, most asked "
        + "first) and FAQ topics users said did not help. The list an FAQ editor works from.")
final class GapsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = "--top", description = "how many of each to show (default ${DEFAULT-VALUE})")
    int top = 30;

    @Override
    public Integer call() {
        var config = options.loadConfig();
        try (Store store = StoreFactory.open(config)) {
            var gaps = KnowledgeGaps.group(store.knowledgeGaps());
            System.out.printf("Unanswered questions (%d distinct):%n", gaps.size());
            gaps.stream().limit(top).forEach(g -> System.out.printf("%5d  %s%n", g.count(), g.example()));
            var unhelpful = KnowledgeGaps.unhelpfulTopics(store.faqVotes());
            System.out.printf("%nFAQ topics marked \"I still need help\" (%d):%n", unhelpful.size());
            unhelpful.stream().limit(top).forEach(e -> System.out.printf("%5d  %s%n", e.getValue(), e.getKey()));
            var assisted = KnowledgeGaps.assistUsage(store.tickets());
            System.out.printf("%nFAQ answers agents sent through agent assist (%d topics):%n", assisted.size());
            assisted.stream().limit(top).forEach(e -> System.out.printf("%5d  %s%n", e.getValue(), e.getKey()));
        }
        return 0;
    }
}

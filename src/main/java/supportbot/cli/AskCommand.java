package supportbot.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import supportbot.faq.Candidate;
import supportbot.faq.SearchResult;

@Command(name = "ask", description = "Search the FAQ once: prints the decision and the top 5 with scores.")
final class AskCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options = new CommonOptions();

    @Parameters(paramLabel = "QUESTION", arity = "1..*", description = "the question, as a user would type it")
    String[] words;

    @Override
    public Integer call() {
        var service = new FaqBootstrap(options).service(System.err);
        SearchResult result = service.search(String.join(" ", words));
        var out = System.out;
        out.printf(Locale.ROOT, "decision: %s   (language %s, margin %.3f)%n", result.decision().label(),
                result.lang().code(), result.margin());
        int rank = 1;
        for (Candidate c : result.top(5)) {
            out.printf(Locale.ROOT, "%d. %-28s score %.3f  (dense %.3f, lexical %.3f)  %s%n", rank++, c.entry().id(),
                    c.score(), c.dense(), c.lexical(), c.entry().preferring(result.lang()).question());
        }
        if (!result.candidates().isEmpty() && result.decision() != supportbot.faq.Decision.NONE) {
            out.println();
            out.println(result.candidates().get(0).entry().preferring(result.lang()).answer());
        }
        return 0;
    }
}

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import supportbot.faq.BgeEmbedder;
import supportbot.faq.CachingEmbedder;
import supportbot.faq.EmbeddingCache;
import supportbot.faq.FaqIndexer;
import supportbot.faq.FaqSearcher;
import supportbot.faq.FaqService;
import supportbot.faq.QueryCache;

/**
 * CPU of one FAQ search without the model: every query's vector is made first, then each pass searches all
 * texts with a new searcher (so its result cache cannot help), measured in thread CPU time. Run on two jars
 * one after the other to compare the search code alone:
 *
 *   java -cp target/support-bot.jar bench/FaqSearchCpu.java texts.txt label
 *
 * texts.txt: one message a line (for example the bench's questions and the suite's messages).
 */
public class FaqSearchCpu {
    public static void main(String[] args) throws Exception {
        var settings = new supportbot.config.ConfigLoader().defaults().searchSettings();
        var vectors = new QueryCache(new BgeEmbedder(), 100_000);
        var faq = new FaqService(Path.of("faq-data"), new CachingEmbedder(vectors, new EmbeddingCache(Path.of("data/cache/embeddings"))),
                settings, FaqIndexer.Progress.SILENT);
        var texts = new ArrayList<>(new LinkedHashSet<>(Files.readAllLines(Path.of(args[0]))));
        texts.forEach(faq::search); // every query vector made once, kept by the QueryCache
        var threads = ManagementFactory.getThreadMXBean();
        var passes = new ArrayList<Double>();
        for (int pass = 0; pass < 12; pass++) {
            var searcher = new FaqSearcher(faq.searcher().index(), vectors, faq.searcher().settings());
            long start = threads.getCurrentThreadCpuTime();
            texts.forEach(searcher::search);
            double msPerSearch = (threads.getCurrentThreadCpuTime() - start) / 1e6 / texts.size();
            if (pass >= 4) {
                passes.add(msPerSearch); // the first four compile the code
            }
        }
        Collections.sort(passes);
        System.out.printf("%s: %d texts, FAQ search CPU per query without the model: median %.3f ms, best %.3f ms (8 passes)%n",
                args.length > 1 ? args[1] : "", texts.size(), passes.get(passes.size() / 2), passes.get(0));
        System.exit(0);
    }
}

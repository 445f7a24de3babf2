package supportbot.cli;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import supportbot.faq.FaqIndexer;
import supportbot.faq.Lang;

/**
 * One progress line for embedding the FAQ, over all languages: redrawn in place on a terminal, and only at
 * 25, 50, 75 and 100 % otherwise, so a log file gets a few lines instead of one per batch.
 */
final class EmbeddingProgress implements FaqIndexer.Progress {
    /** Small FAQs embed in a moment: no progress worth showing. */
    private static final int MIN_TEXTS = 200;

    private final PrintStream out;
    private final boolean terminal;
    private final Map<Lang, int[]> doneAndTotal = new EnumMap<>(Lang.class);
    private int lastShown = 0;
    private int lastTotal = -1;

    EmbeddingProgress(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Redraws in place only when {@code out} is the terminal itself. */
    static EmbeddingProgress forStream(PrintStream out) {
        return new EmbeddingProgress(out, System.console() != null && out == System.out);
    }

    @Override
    public synchronized void update(Lang lang, int done, int total) {
        doneAndTotal.put(lang, new int[] {done, total});
        int all = doneAndTotal.values().stream().mapToInt(v -> v[1]).sum();
        int did = doneAndTotal.values().stream().mapToInt(v -> v[0]).sum();
        if (all < MIN_TEXTS || did == 0) {
            return; // nothing to show yet: the languages' totals are announced one by one
        }
        int percent = did * 100 / all;
        int step = terminal ? percent : percent / 25;
        boolean finished = did == all;
        if (step != lastShown || all != lastTotal && terminal) {
            String line = String.format(Locale.ROOT, "embedding the FAQ for semantic search: %d/%d texts (%d%%)",
                    did, all, percent);
            if (terminal) {
                out.print("\r" + line + (finished ? System.lineSeparator() : ""));
                out.flush();
            } else {
                out.println(line);
            }
            lastShown = step;
            lastTotal = all;
        }
        if (finished) {
            // The next build (a reload) starts its own count.
            doneAndTotal.clear();
            lastShown = 0;
            lastTotal = -1;
        }
    }
}

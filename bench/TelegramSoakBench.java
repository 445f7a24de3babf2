import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import supportbot.channel.telegram.FakeBotApi;
import supportbot.channel.telegram.LocalTelegramBot;

/**
 * Steady traffic for a while (default 30 minutes, 10 messages/s from 2,000 rotating users: questions, reports,
 * greetings) through the fake Bot API, sampling heap after GC and open file descriptors every 30 s. Prints the
 * samples and a least-squares slope of each, so a leak shows as a trend.
 *
 *   bench/telegram-soak.sh [minutes] [messagesPerSecond]
 */
public class TelegramSoakBench {
    private static final String TOKEN = "123456:SOAK-token-for-the-fake-bot-api";
    private static final String[] TEXTS = {"How do I change the app language or display currency?", "hello",
            "my withdrawal is stuck for hours", "yesterday 3pm", "/cancel", "thanks", "why are the fees so high?"};

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (FakeBotApi fake = FakeBotApi.start(TOKEN)) {
            try (var local = new LocalTelegramBot(fake, TOKEN)) {
                var bot = local.bot;
                long start = System.nanoTime();
                long end = start + minutes * 60_000_000_000L;
                long nextSample = start;
                var seconds = new ArrayList<Double>();
                var heap = new ArrayList<Double>();
                var fds = new ArrayList<Double>();
                long sent = 0;
                System.out.println("t_s,heap_mb_after_gc,open_fds,messages_in,conversations,outbox_pending");
                while (System.nanoTime() < end) {
                    long user = 1 + sent % 2000;
                    fake.userText(user, TEXTS[(int) ((sent / 2000) % TEXTS.length)]);
                    sent++;
                    if (System.nanoTime() >= nextSample) {
                        fake.forgetHistory(); // the fake runs in this JVM: only the bot's memory should count
                        System.gc();
                        double t = (System.nanoTime() - start) / 1e9;
                        double mb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0;
                        long open;
                        try (var list = Files.list(Path.of("/proc/self/fd"))) {
                            open = list.count();
                        }
                        seconds.add(t);
                        heap.add(mb);
                        fds.add((double) open);
                        System.out.printf(java.util.Locale.ROOT, "%.0f,%.1f,%d,%d,%d,%d%n", t, mb, open, sent,
                                bot.store.conversationCount(), bot.store.pendingOutbox(100_000).size());
                        nextSample += 30_000_000_000L;
                    }
                    Thread.sleep(1000 / rate);
                }
                // The first sample is before warm-up; the trend is taken over the rest.
                System.out.printf(java.util.Locale.ROOT, "{\"minutes\":%d,\"messagesIn\":%d,\"heapSlopeMbPerHour\":%.2f,"
                                + "\"fdSlopePerHour\":%.2f,\"heapFirstMb\":%.1f,\"heapLastMb\":%.1f,\"fdFirst\":%.0f,\"fdLast\":%.0f}%n",
                        minutes, sent, 3600 * slope(seconds, heap), 3600 * slope(seconds, fds), heap.get(Math.min(1, heap.size() - 1)),
                        heap.get(heap.size() - 1), fds.get(Math.min(1, fds.size() - 1)), fds.get(fds.size() - 1));
            }
        }
    }

    /** Least squares over all samples but the first (warm-up). */
    private static double slope(List<Double> x, List<Double> y) {
        int from = Math.min(1, x.size() - 1);
        int n = x.size() - from;
        if (n < 2) {
            return 0;
        }
        double mx = 0;
        double my = 0;
        for (int i = from; i < x.size(); i++) {
            mx += x.get(i);
            my += y.get(i);
        }
        mx /= n;
        my /= n;
        double num = 0;
        double den = 0;
        for (int i = from; i < x.size(); i++) {
            num += (x.get(i) - mx) * (y.get(i) - my);
            den += (x.get(i) - mx) * (x.get(i) - mx);
        }
        return den == 0 ? 0 : num / den;
    }
}

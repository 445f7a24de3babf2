import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import supportbot.channel.telegram.FakeBotApi;
import supportbot.channel.telegram.LocalTelegramBot;

/**
 * N simulated Telegram users at once against the fake Bot API, which enforces Telegram's limits (429 beyond
 * 1 message/s per chat and 30/s per bot). Measures end-to-end reply latency, what the fake refused, and how
 * fast the engine took the messages in compared with how fast Telegram lets replies out.
 *
 *   bench/telegram-load.sh [users]
 */
public class TelegramLoadBench {
    private static final String TOKEN = "123456:LOAD-token-for-the-fake-bot-api";

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        try (FakeBotApi fake = FakeBotApi.start(TOKEN)) {
            fake.enforceRateLimits(1, 30);
            try (var local = new LocalTelegramBot(fake, TOKEN)) {
                var bot = local.bot;
                var sentAt = new ConcurrentHashMap<Long, Long>();
                var firstReply = new ConcurrentHashMap<Long, Long>();
                long start = System.nanoTime();
                for (long u = 1; u <= users; u++) {
                    sentAt.put(u, System.nanoTime());
                    fake.userText(u, u % 2 == 0 ? "How do I change the app language or display currency?" : "hello");
                }
                long inboundDone = 0;
                long deadline = start + 15L * 60 * 1_000_000_000L;
                while ((firstReply.size() < users || !bot.store.pendingOutbox(1).isEmpty()) && System.nanoTime() < deadline) {
                    for (var s : fake.sent()) {
                        firstReply.putIfAbsent(s.chatId(), System.nanoTime());
                    }
                    if (inboundDone == 0 && bot.store.conversationCount() >= users) {
                        inboundDone = System.nanoTime();
                    }
                    Thread.sleep(20);
                }
                long end = System.nanoTime();
                var latencies = new ArrayList<Double>();
                firstReply.forEach((chat, at) -> latencies.add((at - sentAt.get(chat)) / 1e9));
                Collections.sort(latencies);
                int messages = fake.sentCount();
                double seconds = (end - start) / 1e9;
                double inboundSeconds = ((inboundDone == 0 ? end : inboundDone) - start) / 1e9;
                System.out.printf(java.util.Locale.ROOT, "{\"users\":%d,\"replied\":%d,\"dropped\":%d,\"messagesSent\":%d,"
                                + "\"seconds\":%.1f,\"sendRatePerSecond\":%.1f,\"latencyP50\":%.1f,\"latencyP95\":%.1f,"
                                + "\"latencyP99\":%.1f,\"latencyMax\":%.1f,\"fake429\":%d,\"pendingOutbox\":%d,"
                                + "\"inboundSeconds\":%.2f,\"inboundPerSecond\":%.0f,\"headroom\":%.1f}%n",
                        users, firstReply.size(), users - firstReply.size(), messages, seconds, messages / seconds,
                        pct(latencies, 0.5), pct(latencies, 0.95), pct(latencies, 0.99),
                        latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1), fake.rateLimitRejections(),
                        bot.store.pendingOutbox(10_000).size(), inboundSeconds, users / inboundSeconds,
                        (users / inboundSeconds) / 30.0);
            }
        }
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }
}

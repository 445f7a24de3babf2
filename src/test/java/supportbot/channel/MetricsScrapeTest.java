package supportbot.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.EngineHarness;
import supportbot.dialogue.FaqLookup;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.Decision;
import supportbot.faq.Lang;
import supportbot.metrics.BotMetrics;
import supportbot.safety.InboundGuard;
import supportbot.store.GroupCommitter;
import supportbot.store.OutboxEntry;
import supportbot.store.Store;

/** A few turns through the real inbox, engine, store and outbox: the scrape must tell what happened. */
class MetricsScrapeTest {
    private static final String QUESTION = "how do I back up my wallet";

    @TempDir
    Path dataDir;

    /** Delivers to Telegram, except that the first send is answered 429 and one chat has blocked the bot. */
    private static final class FlakyTelegram implements ChannelSender {
        final List<OutboxEntry> delivered = new ArrayList<>();
        final AtomicBoolean answered429 = new AtomicBoolean();

        @Override
        public String channel() {
            return "telegram";
        }

        @Override
        public void send(OutboxEntry entry, PartsProgress progress) throws SendFailure {
            if (entry.conversationKey().equals("telegram:666")) {
                throw SendFailure.permanent("403 Forbidden: bot was blocked by the user", null);
            }
            if (answered429.compareAndSet(false, true)) {
                throw SendFailure.tooManyRequests(Duration.ofMillis(1), "429 Too Many Requests");
            }
            delivered.add(entry);
        }
    }

    @Test
    void theScrapeCountsWhatTheTurnsDid() {
        var metrics = new BotMetrics();
        Clock clock = Clock.fixed(EngineHarness.NOW, ZoneOffset.UTC);
        var faq = new EngineHarness.StubFaq().topic("backup", "备份", "Write the recovery phrase on paper.")
                .when(QUESTION, Decision.ANSWER, "backup");
        try (var store = Store.open(dataDir); var committer = new GroupCommitter(store, metrics)) {
            var engine = new DialogueEngine(EngineHarness.DATA, FaqLookup.measured(faq, metrics),
                    new DetailParsers(EngineHarness.DATA.details(), clock), new EngineHarness.Tickets(), clock, Lang.EN);
            var guard = new InboundGuard(InboundGuard.Settings.defaults(), supportbot.safety.Secrets::redact,
                    store::isBanned, System::nanoTime);
            var telegram = new FlakyTelegram();
            try (var inbox = new Inbox(store, committer, engine, EngineHarness.DATA.messages(), 2, Set.of("telegram"), guard,
                    metrics); var outbox = new Outbox(store, committer, 2, metrics).register(telegram)) {
                send(inbox, "telegram", "telegram:1", QUESTION, "1");
                send(inbox, "telegram", "telegram:1", QUESTION, "1"); // the platform delivered it twice
                send(inbox, "telegram", "telegram:666", QUESTION, "2");
                send(inbox, "web", "web:s1", QUESTION, "3");
                assertTrue(scrape(metrics).get("supportbot_outbox_depth") > 0, "replies wait in the outbox");
                for (int pass = 0; pass < 10 && !outbox.deliverPending().isZero(); pass++) {
                    // the 429 defers a pass; the next one delivers
                }

                Map<String, Double> s = scrape(metrics);
                assertEquals(2.0, s.get("supportbot_messages_received_total{channel=\"telegram\",outcome=\"processed\"}"));
                assertEquals(1.0, s.get("supportbot_messages_received_total{channel=\"telegram\",outcome=\"duplicate\"}"));
                assertEquals(1.0, s.get("supportbot_messages_received_total{channel=\"web\",outcome=\"processed\"}"));
                double telegramReplies = botLines(store, "telegram:1");
                assertTrue(telegramReplies > 0);
                assertEquals(telegram.delivered.size(), telegramReplies);
                assertEquals(telegramReplies, s.get("supportbot_messages_sent_total{channel=\"telegram\"}"));
                assertEquals(botLines(store, "web:s1"), s.get("supportbot_messages_sent_total{channel=\"web\"}"));
                assertEquals(botLines(store, "telegram:666"), s.get("supportbot_outbox_parked_total{channel=\"telegram\"}"));
                assertEquals(botLines(store, "telegram:666"), s.get("supportbot_outbox_undeliverable"));
                assertEquals(1.0, s.get("supportbot_outbox_retries_total{channel=\"telegram\"}"));
                assertEquals(1.0, s.get("supportbot_rate_limited_total{channel=\"telegram\"}"));
                assertEquals(0.0, s.get("supportbot_outbox_depth"));
                assertEquals(0.0, s.get("supportbot_outbox_oldest_age_seconds"));
                // Three new messages asked the FAQ the same question; the duplicate never reached the engine.
                assertEquals(3.0, s.get("supportbot_faq_decisions_total{decision=\"answer\"}"));
                assertEquals(3.0, s.get("supportbot_faq_search_seconds_count"));
                assertEquals(4.0, s.get("supportbot_turn_seconds_count"));
                assertEquals(4.0, s.get("supportbot_turn_seconds_bucket{le=\"+Inf\"}"));
                assertEquals((double) committer.commits(), s.get("supportbot_store_commit_seconds_count"));
                assertEquals((double) committer.writeSets(), s.get("supportbot_store_commit_batch_size_sum"));
                assertTrue(s.get("supportbot_store_file_size_bytes") > 0);
            }
        }
    }

    private static void send(Inbox inbox, String channel, String key, String text, String id) {
        inbox.submit(Inbound.text(channel, key, key.substring(key.indexOf(':') + 1), text, id, EngineHarness.NOW)).join();
    }

    private static double botLines(Store store, String key) {
        return store.transcript(key, 0).stream().filter(l -> l.from().equals("bot")).count();
    }

    /** Series name with labels → value, from the Prometheus text format. */
    static Map<String, Double> scrape(BotMetrics metrics) {
        var out = new HashMap<String, Double>();
        for (String line : metrics.scrape().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return out;
    }
}

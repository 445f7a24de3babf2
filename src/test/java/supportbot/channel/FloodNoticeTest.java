package supportbot.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.EngineHarness;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.Lang;
import supportbot.safety.InboundGuard;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;
import supportbot.store.TranscriptLine;

/** In a chat that can only be told by message (Telegram, Discord), a flood's notices say what was not read. */
class FloodNoticeTest {
    @TempDir
    Path dataDir;

    @Test
    void theUserHearsThatMessagesWereNotReadAndHowMany() {
        var clock = Clock.fixed(EngineHarness.NOW, ZoneOffset.UTC);
        var nanos = new AtomicLong(1_000_000_000L);
        try (var store = Store.open(dataDir); var committer = new GroupCommitter(store)) {
            var engine = new DialogueEngine(EngineHarness.DATA, new EngineHarness.StubFaq(),
                    new DetailParsers(EngineHarness.DATA.details(), clock), new EngineHarness.Tickets(), clock, Lang.EN);
            var guard = new InboundGuard(new InboundGuard.Settings(4000, 2, Duration.ofSeconds(10)),
                    supportbot.safety.Secrets::redact, store::isBanned, nanos::get);
            try (var inbox = new Inbox(store, committer, engine, EngineHarness.DATA.messages(), 2, Set.of(), guard)) {
                String key = "telegram:5";
                int n = 0;
                for (String text : new String[] {"hello", "my app crashes", "one", "two", "three"}) {
                    inbox.submit(Inbound.text("telegram", key, key, text, "m" + n++, EngineHarness.NOW)).join();
                }
                var bot = store.transcript(key, 0).stream().filter(l -> l.from().equals("bot")).map(TranscriptLine::text).toList();
                var notice = bot.stream().filter(t -> t.contains("did not read this one")).toList();
                assertEquals(1, notice.size(), "one notice for the flood: " + bot);
                assertTrue(notice.get(0).contains("next 5 seconds"), notice.get(0));
                assertTrue(bot.stream().noneMatch(t -> t.contains("nothing you need is lost")), "no false comfort");

                nanos.addAndGet(Duration.ofSeconds(5).toNanos());
                inbox.submit(Inbound.text("telegram", key, key, "are you there?", "m" + n, EngineHarness.NOW)).join();
                var after = store.transcript(key, 0).stream().filter(l -> l.from().equals("bot")).map(TranscriptLine::text).toList();
                assertTrue(after.stream().anyMatch(t -> t.contains("I did not read 3 of your messages")), after.toString());
            }
        }
    }
}

package supportbot.channel.webchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.channel.Inbox;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.EngineHarness;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.Lang;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/** Sessions nobody writes in expire; a conversation keeps its session until it has been quiet for the idle time. */
class SessionExpiryTest {
    @TempDir
    Path dataDir;

    @Test
    void emptySessionsExpireAfterTheEmptyTimeAndQuietOnesAfterTheIdleTime() {
        Instant now = EngineHarness.NOW;
        var engineClock = Clock.fixed(now, ZoneOffset.UTC);
        try (var store = Store.open(dataDir); var committer = new GroupCommitter(store)) {
            var engine = new DialogueEngine(EngineHarness.DATA, new EngineHarness.StubFaq(),
                    new DetailParsers(EngineHarness.DATA.details(), engineClock), new EngineHarness.Tickets(), engineClock, Lang.EN);
            try (var inbox = new Inbox(store, committer, engine, EngineHarness.DATA.messages(), 2, Set.of())) {
                committer.submit(tx -> {
                    tx.registerWebSession("old-empty", now.minus(Duration.ofHours(2)));
                    tx.registerWebSession("new-empty", now.minus(Duration.ofMinutes(10)));
                    tx.registerWebSession("talking", now.minus(Duration.ofHours(2)));
                }).join();
                inbox.submit(Inbound.text("web", "web:talking", "web:talking", "hello", "m1", now)).join();

                var settings = new SessionExpiry.Settings(Duration.ofHours(1), Duration.ofDays(30));
                assertEquals(1, new SessionExpiry(store, committer, settings, Clock.fixed(now, ZoneOffset.UTC)).sweep());
                assertFalse(store.webSessionExists("old-empty"));
                assertTrue(store.webSessionExists("new-empty"));
                assertTrue(store.webSessionExists("talking"), "a conversation keeps its session");

                var later = Clock.fixed(now.plus(Duration.ofDays(31)), ZoneOffset.UTC);
                assertEquals(2, new SessionExpiry(store, committer, settings, later).sweep());
                assertFalse(store.webSessionExists("talking"), "quiet for longer than the idle time");
                assertEquals(1, store.transcript("web:talking", 0).stream().filter(l -> l.from().equals("user")).count(),
                        "the transcript stays for the retention sweep");
            }
        }
    }
}

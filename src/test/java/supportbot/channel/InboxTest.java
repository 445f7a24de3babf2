package supportbot.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.EngineHarness;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.Phase;
import supportbot.dialogue.details.DetailParsers;
import supportbot.dialogue.details.DetailType;
import supportbot.faq.Lang;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;
import supportbot.store.StoreLockedException;

/** The inbox over a real MapDB store: ordering, duplicates, restarts and the single-process lock. */
class InboxTest {
    @TempDir
    Path dataDir;

    private final Clock clock = Clock.fixed(EngineHarness.NOW, ZoneOffset.UTC);
    private final List<AutoCloseable> open = new ArrayList<>();

    private Bot start() {
        var store = Store.open(dataDir);
        var committer = new GroupCommitter(store);
        var engine = new DialogueEngine(EngineHarness.DATA, new EngineHarness.StubFaq(),
                new DetailParsers(EngineHarness.DATA.details(), clock), new EngineHarness.Tickets(), clock, Lang.EN);
        var inbox = new Inbox(store, committer, engine, EngineHarness.DATA.messages(), 2, Set.of());
        var bot = new Bot(store, committer, inbox);
        open.add(bot);
        return bot;
    }

    private record Bot(Store store, GroupCommitter committer, Inbox inbox) implements AutoCloseable {
        Inbox.Outcome send(String key, String text, String messageId) {
            return inbox.submit(Inbound.text("telegram", key, key, text, messageId, EngineHarness.NOW)).join();
        }

        @Override
        public void close() {
            inbox.close();
            committer.close();
            store.close();
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void aDuplicateDeliveryIsDroppedAndRecordedOnce() {
        Bot bot = start();
        assertEquals(Inbox.Outcome.PROCESSED, bot.send("telegram:1", "the app crashes every time I open it", "update-7"));
        assertEquals(Inbox.Outcome.DUPLICATE, bot.send("telegram:1", "the app crashes every time I open it", "update-7"));
        long userLines = bot.store().transcript("telegram:1", 0).stream().filter(l -> l.from().equals("user")).count();
        assertEquals(1, userLines);
    }

    @Test
    void aRestartInTheMiddleOfCollectingResumesAtTheSameQuestion() {
        Bot first = start();
        first.send("telegram:2", "my transfer has been pending for many hours now", "1");
        first.send("telegram:2", "yesterday 3pm", "2");
        DetailType awaiting = first.store().conversation("telegram:2").orElseThrow().awaiting();
        first.close();
        open.remove(first);

        Bot second = start();
        var resumed = second.store().conversation("telegram:2").orElseThrow();
        assertEquals(Phase.COLLECTING, resumed.phase());
        assertEquals(awaiting, resumed.awaiting());
        assertEquals("2026-11-24T15:00+08:00", resumed.details().get(DetailType.TIME).value());
        assertEquals(Inbox.Outcome.DUPLICATE, second.send("telegram:2", "yesterday 3pm", "2"), "seen ids survive too");
        second.send("telegram:2", "TRC20", "3");
        assertEquals("TRON", second.store().conversation("telegram:2").orElseThrow().details().get(DetailType.CHAIN).value());
    }

    @Test
    void aSecondProcessOnTheSameDataDirectoryGetsAClearError() {
        start();
        var e = assertThrows(StoreLockedException.class, () -> Store.open(dataDir));
        assertTrue(e.getMessage().contains("already in use"), e.getMessage());
    }

    @Test
    void messagesOfOneConversationAreHandledInOrderWhileOthersRunInParallel() {
        Bot bot = start();
        var futures = new ArrayList<CompletableFuture<Inbox.Outcome>>();
        for (int user = 0; user < 20; user++) {
            String key = "telegram:u" + user;
            futures.add(bot.inbox().submit(Inbound.text("telegram", key, key, "the app crashes every time I open it", "a" + user, EngineHarness.NOW)));
            futures.add(bot.inbox().submit(Inbound.text("telegram", key, key, "iPhone 15 iOS 17.2", "b" + user, EngineHarness.NOW)));
            futures.add(bot.inbox().submit(Inbound.text("telegram", key, key, "yesterday 3pm", "c" + user, EngineHarness.NOW)));
        }
        futures.forEach(CompletableFuture::join);
        for (int user = 0; user < 20; user++) {
            var c = bot.store().conversation("telegram:u" + user).orElseThrow();
            assertEquals("iPhone 15 / iOS 17.2", c.details().get(DetailType.DEVICE).value(), "device answered second");
            assertEquals("2026-11-24T15:00+08:00", c.details().get(DetailType.TIME).value(), "time answered third");
            var userLines = bot.store().transcript("telegram:u" + user, 0).stream().filter(l -> l.from().equals("user"))
                    .map(l -> l.text()).toList();
            assertEquals(List.of("the app crashes every time I open it", "iPhone 15 iOS 17.2", "yesterday 3pm"), userLines);
        }
        assertTrue(bot.committer().commits() <= bot.committer().writeSets());
    }

    @Test
    void aThrowingCommitListenerNeitherSkipsTheOthersNorFailsTheMessage() {
        Bot bot = start();
        var woken = new ArrayList<String>();
        bot.inbox().onCommitted(key -> {
            throw new IllegalStateException("a broken listener");
        });
        bot.inbox().onCommitted(woken::add);

        assertEquals(Inbox.Outcome.PROCESSED, bot.send("telegram:9", "hello", "m1"),
                "the turn is committed, so the connector may acknowledge it");
        assertEquals(List.of("telegram:9"), woken, "the listener after the broken one still ran");
    }
}

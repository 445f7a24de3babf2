package supportbot.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.EngineHarness;
import supportbot.dialogue.FaqLookup;
import supportbot.dialogue.Inbound;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.FaqEntry;
import supportbot.faq.Lang;
import supportbot.faq.SearchResult;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;
import supportbot.store.StoreFailure;

/**
 * A turn that cannot read what it needs because the database dropped its connection is not the message's fault:
 * it must not be recorded with an apology (the crash bench's user then waited for an answer that never came),
 * but fail, so that the platform delivers it again. A bug in the engine is still answered with the apology.
 */
class StoreFailureDuringTurnTest {
    @TempDir
    Path dataDir;

    private final Clock clock = Clock.fixed(EngineHarness.NOW, ZoneOffset.UTC);
    private Store store;
    private GroupCommitter committer;
    private Inbox inbox;
    private volatile Supplier<RuntimeException> failure;

    static final class DatabaseGone extends RuntimeException implements StoreFailure {
        DatabaseGone() {
            super("select failed: FATAL: terminating connection due to administrator command");
        }
    }

    private void start() {
        store = Store.open(dataDir);
        committer = new GroupCommitter(store);
        var stub = new EngineHarness.StubFaq();
        FaqLookup failing = new FaqLookup() {
            @Override
            public SearchResult search(String text) {
                Supplier<RuntimeException> f = failure;
                if (f != null) {
                    throw f.get();
                }
                return stub.search(text);
            }

            @Override
            public Optional<FaqEntry> entry(String id) {
                return stub.entry(id);
            }
        };
        var engine = new DialogueEngine(EngineHarness.DATA, failing, new DetailParsers(EngineHarness.DATA.details(), clock),
                new EngineHarness.Tickets(), clock, Lang.EN);
        inbox = new Inbox(store, committer, engine, EngineHarness.DATA.messages(), 2, Set.of());
    }

    @AfterEach
    void close() {
        if (inbox == null) {
            return;
        }
        inbox.close();
        committer.close();
        store.close();
    }

    private Inbox.Outcome send(String text, String messageId) {
        return inbox.submit(Inbound.text("telegram", "telegram:5", "5", text, messageId, EngineHarness.NOW)).join();
    }

    private long userLines() {
        return store.transcript("telegram:5", 0).stream().filter(l -> l.from().equals("user")).count();
    }

    @Test
    void aDroppedDatabaseLeavesTheMessageUntakenAndItsRedeliveryIsAnswered() {
        start();
        failure = DatabaseGone::new;
        var e = assertThrows(CompletionException.class, () -> send("how do I change the display currency?", "update-41"));
        assertTrue(StoreFailure.in(e), "the failure reaches the connector: " + e);
        assertEquals(0, userLines(), "nothing recorded, so nothing acknowledged");
        assertTrue(store.conversation("telegram:5").isEmpty());

        failure = null;
        assertEquals(Inbox.Outcome.PROCESSED, send("how do I change the display currency?", "update-41"),
                "the redelivery is a first delivery, not a duplicate");
        assertEquals(1, userLines());
        String apology = EngineHarness.DATA.messages().get(Lang.EN, "error.internal");
        assertFalse(store.transcript("telegram:5", 0).stream().anyMatch(l -> apology.equals(l.text())));
    }

    @Test
    void aBugInTheEngineIsStillAnsweredWithTheApologyAndTheMessageKept() {
        start();
        failure = () -> new IllegalStateException("a bug, not the database");
        assertEquals(Inbox.Outcome.PROCESSED, send("how do I change the display currency?", "update-42"));
        assertEquals(1, userLines());
        String apology = EngineHarness.DATA.messages().get(Lang.EN, "error.internal");
        assertTrue(store.transcript("telegram:5", 0).stream().anyMatch(l -> apology.equals(l.text())));
        failure = null;
        assertEquals(Inbox.Outcome.DUPLICATE, send("how do I change the display currency?", "update-42"));
    }

    @Test
    void aStoreFailureIsFoundBehindWrappers() {
        assertTrue(StoreFailure.in(new RuntimeException("outer", new IllegalStateException("mid", new DatabaseGone()))));
        assertFalse(StoreFailure.in(new RuntimeException("outer", new IllegalStateException("a bug"))));
        assertFalse(StoreFailure.in(null));
    }
}

package supportbot.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import supportbot.store.Store;
import supportbot.store.TranscriptLine;

/** Conversations and their transcripts, the same on every adapter. */
class ConversationStoreContractTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void aSavedConversationReadsBackAndCounts(String kind) {
        try (var f = new StoreFixture(kind)) {
            f.write(tx -> {
                tx.saveConversation("web:a", Store.encodeConversation(StoreFixture.conversation("web:a", StoreFixture.AT)));
                tx.saveConversation("web:b", Store.encodeConversation(StoreFixture.conversation("web:b", StoreFixture.AT)));
            });
            assertEquals("u-web:a", f.store.conversation("web:a").orElseThrow().userId());
            assertTrue(f.store.stored("web:b").orElseThrow().hasSeen("m1"));
            assertTrue(f.store.conversation("web:c").isEmpty());
            assertEquals(2, f.store.conversationCount());
            assertEquals(java.util.Set.of("web:a", "web:b"), java.util.Set.copyOf(f.store.conversationKeys()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void aFailedTurnLeavesNothingBehind(String kind) {
        try (var f = new StoreFixture(kind)) {
            var failed = f.committer.submit(tx -> {
                tx.saveConversation("web:a", Store.encodeConversation(StoreFixture.conversation("web:a", StoreFixture.AT)));
                tx.appendTranscript("web:a", StoreFixture.lines("hello"), 1);
                throw new IllegalStateException("the turn fails after writing");
            });
            assertThrows(Exception.class, failed::join);
            assertTrue(f.store.conversation("web:a").isEmpty());
            assertTrue(f.store.transcript("web:a", 0).isEmpty());
            f.write(tx -> tx.appendTranscript("web:a", StoreFixture.lines("again"), 1));
            assertEquals(1, f.store.transcript("web:a", 0).get(0).seq(), "the undone turn's seq is handed out again");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void transcriptLinesAreNumberedInOrderAndReadFromAnySeq(String kind) {
        try (var f = new StoreFixture(kind)) {
            f.write(tx -> assertEquals(1, tx.appendTranscript("web:a", StoreFixture.lines("one", "two"), 2)));
            f.write(tx -> assertEquals(3, tx.appendTranscript("web:a", StoreFixture.lines("three", "four", "five"), 3)));
            f.write(tx -> tx.appendTranscript("web:ab", StoreFixture.lines("other"), 1)); // a key the first one prefixes
            f.write(tx -> assertEquals(6, tx.appendTranscript("web:a", StoreFixture.lines("six"), 1)));
            assertEquals(List.of("one", "two", "three", "four", "five", "six"),
                    f.store.transcript("web:a", 0).stream().map(TranscriptLine::text).toList());
            assertEquals(List.of(4L, 5L, 6L), f.store.transcript("web:a", 3).stream().map(TranscriptLine::seq).toList());
            assertEquals(List.of("five", "six"), f.store.transcript("web:a", 4).stream().map(TranscriptLine::text).toList());
            assertTrue(f.store.transcript("web:a", 6).isEmpty());
            assertEquals(List.of("other"), f.store.transcript("web:ab", 0).stream().map(TranscriptLine::text).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void numberingContinuesAfterReopening(String kind) {
        var opened = Backends.open(kind);
        try {
            try (var store = Store.over(opened.backend()); var committer = new supportbot.store.GroupCommitter(store)) {
                committer.submit(tx -> tx.appendTranscript("web:a", StoreFixture.lines("one", "two"), 2)).join();
            }
            try (var store = Store.over(opened.reopen().get()); var committer = new supportbot.store.GroupCommitter(store)) {
                long first = committer.submit(tx -> tx.appendTranscript("web:a", StoreFixture.lines("three"), 1))
                        .thenApply(v -> store.transcript("web:a", 2).get(0).seq()).join();
                assertEquals(3, first);
            }
        } finally {
            opened.discard().run();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void retentionFindsOldTurnsAndIdleConversations(String kind) {
        try (var f = new StoreFixture(kind)) {
            Instant old = StoreFixture.AT.minusSeconds(86_400 * 400L);
            f.write(tx -> {
                tx.saveConversation("web:old", Store.encodeConversation(StoreFixture.conversation("web:old", old)));
                tx.saveConversation("web:new", Store.encodeConversation(StoreFixture.conversation("web:new", StoreFixture.AT)));
                tx.saveConversation("web:ticket", Store.encodeConversation(StoreFixture.conversation("web:ticket", old)));
                tx.saveTicket(StoreFixture.ticket(1001, "web:ticket", "login"));
                tx.appendTranscript("web:old", StoreFixture.lines("old words"), 1);
            });
            Instant cutoff = StoreFixture.AT.minusSeconds(86_400 * 365L);
            assertEquals(List.of("web:old"), f.store.conversationsIdleBefore(cutoff), "one with an open ticket is kept");
            List<String> entries = f.store.transcriptEntriesBefore(StoreFixture.AT.plusSeconds(1));
            assertEquals(1, entries.size());
            f.write(tx -> tx.removeTranscriptEntries(entries));
            assertTrue(f.store.transcript("web:old", 0).isEmpty());
            f.write(tx -> tx.expire(List.of("web:old")));
            assertFalse(f.store.conversation("web:old").isPresent());
        }
    }
}

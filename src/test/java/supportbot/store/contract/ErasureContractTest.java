package supportbot.store.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import supportbot.store.OutboxEntry;
import supportbot.store.Store;
import supportbot.store.TranscriptLine;

/** /forget, redaction and re-keying: what is cut out cannot be read back, on every adapter. */
class ErasureContractTest {
    private static void seed(StoreFixture f, String key) {
        f.write(tx -> {
            tx.saveConversation(key, Store.encodeConversation(StoreFixture.conversation(key, StoreFixture.AT)));
            tx.appendTranscript(key, StoreFixture.lines("my seed is apple banana cherry"), 1);
            tx.saveTicket(StoreFixture.ticket(key.equals("web:a") ? 1001 : 1002, key, "login"));
            tx.enqueue("web", key, "we got: apple banana cherry", List.of());
            tx.addKnowledgeGap(key, "apple banana cherry?");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void forgetTakesTheUserAndLeavesOthers(String kind) {
        try (var f = new StoreFixture(kind)) {
            seed(f, "web:a");
            seed(f, "web:b");
            f.write(tx -> tx.forget("web:a"));
            assertTrue(f.store.conversation("web:a").isEmpty());
            assertTrue(f.store.transcript("web:a", 0).isEmpty());
            assertTrue(f.store.ticket(1001).orElseThrow().draft().details().isEmpty());
            assertEquals(List.of("apple banana cherry?"), f.store.knowledgeGaps(), "only the other user's gap is left");
            assertTrue(f.store.conversation("web:b").isPresent());
            assertEquals(1, f.store.transcript("web:b", 0).size());
            assertFalse(f.store.ticket(1002).orElseThrow().draft().details().isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void redactionRewritesEveryRecordOfTheConversation(String kind) {
        try (var f = new StoreFixture(kind)) {
            seed(f, "web:a");
            seed(f, "web:b");
            f.write(tx -> tx.redactConversation("web:a", s -> s.replace("apple banana cherry", "[removed]")));
            assertEquals("my seed is [removed]", f.store.transcript("web:a", 0).get(0).text());
            List<String> outbox = f.store.pendingOutbox(10).stream().map(OutboxEntry::text).toList();
            assertEquals(List.of("we got: [removed]", "we got: apple banana cherry"), outbox);
            assertTrue(f.store.knowledgeGaps().contains("[removed]?"));
            assertTrue(f.store.knowledgeGaps().contains("apple banana cherry?"), "the other user's gap is theirs");
            assertEquals(List.of("my seed is apple banana cherry"),
                    f.store.transcript("web:b", 0).stream().map(TranscriptLine::text).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void rekeyingKeepsEverythingReadableUnderANewKey(String kind) {
        try (var f = new StoreFixture(kind)) {
            seed(f, "web:a");
            var keys = f.opened.backend().keys();
            long before = keys.currentId("web:a").orElseThrow();
            f.write(tx -> tx.rekey("web:a"));
            assertTrue(keys.key(before).isEmpty(), "the old key is destroyed");
            // A new key is made on the next write; what was there reads the same under it.
            assertNotEquals(before, (long) keys.currentId("web:a").orElseThrow());
            assertEquals("my seed is apple banana cherry", f.store.transcript("web:a", 0).get(0).text());
            assertEquals(1, f.store.pendingOutbox(10).size());
            assertFalse(f.store.ticket(1001).orElseThrow().draft().details().isEmpty());
            f.write(tx -> tx.appendTranscript("web:a", StoreFixture.lines("after"), 1));
            assertEquals(2, f.store.transcript("web:a", 0).get(1).seq());
        }
    }
}

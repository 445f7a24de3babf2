package supportbot.store.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Counters, web sessions, FAQ votes, knowledge gaps, connectors' surface state and bans. */
class SmallRecordsContractTest {
    public record TopicState(long topicId, String title) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void countersStartAtZeroAndKeepWhatIsSet(String kind) {
        try (var f = new StoreFixture(kind)) {
            assertEquals(0, f.store.counter("telegram.offset"));
            f.write(tx -> tx.setCounter("telegram.offset", 41));
            f.write(tx -> tx.setCounter("telegram.offset", 42));
            assertEquals(42, f.store.counter("telegram.offset"));
            assertEquals(42L, f.store.counters().get("telegram.offset"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void webSessionsExpireByAge(String kind) {
        try (var f = new StoreFixture(kind)) {
            Instant at = StoreFixture.AT;
            f.write(tx -> {
                tx.registerWebSession("old", at.minusSeconds(3600));
                tx.registerWebSession("new", at);
            });
            assertTrue(f.store.webSessionExists("old"));
            assertEquals(List.of("old"), f.store.webSessionsCreatedBefore(at.minusSeconds(60)));
            f.write(tx -> tx.dropWebSession("old"));
            assertFalse(f.store.webSessionExists("old"));
            assertEquals(Map.of("new", at), f.store.webSessions());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void votesAddUpPerFaqAndGapsKeepTheirOrder(String kind) {
        try (var f = new StoreFixture(kind)) {
            f.write(tx -> {
                tx.voteFaq("reset-password", true);
                tx.voteFaq("reset-password", true);
                tx.voteFaq("reset-password", false);
                tx.voteFaq("fees", false);
                tx.addKnowledgeGap("web:a", "how do I stake?");
                tx.addKnowledgeGap("why is the sky blue");
            });
            assertArrayEquals(new long[] {2, 1}, f.store.faqVotes().get("reset-password"));
            assertArrayEquals(new long[] {0, 1}, f.store.faqVotes().get("fees"));
            assertEquals(List.of("how do I stake?", "why is the sky blue"), f.store.knowledgeGaps());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportbot.store.contract.Backends#kinds")
    void surfaceStateAndBansReadBack(String kind) {
        try (var f = new StoreFixture(kind)) {
            f.write(tx -> {
                tx.putSurfaceState("topic:1001", new TopicState(77, "#1001 login"));
                tx.ban("telegram:5", "alice", "abuse", StoreFixture.AT);
            });
            assertEquals(new TopicState(77, "#1001 login"), f.store.surfaceState("topic:1001", TopicState.class).orElseThrow());
            assertTrue(f.store.surfaceState("topic:1002", TopicState.class).isEmpty());
            assertTrue(f.store.isBanned("telegram:5"));
            assertFalse(f.store.isBanned("telegram:6"));
            f.write(tx -> tx.unban("telegram:5"));
            assertFalse(f.store.isBanned("telegram:5"));
        }
    }
}

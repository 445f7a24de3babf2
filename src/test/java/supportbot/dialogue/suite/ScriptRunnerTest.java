package supportbot.dialogue.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.EngineHarness;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.Lang;

/** The suite's own machinery: a wrong expectation fails, a right one passes, the metrics count what they say. */
class ScriptRunnerTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(EngineHarness.NOW, ZoneOffset.UTC);
    private final ScriptRunner runner = new ScriptRunner(new DialogueEngine(EngineHarness.DATA, new EngineHarness.StubFaq(),
            new DetailParsers(EngineHarness.DATA.details(), clock), new EngineHarness.Tickets(), clock, Lang.EN),
            EngineHarness.NOW, Set.of("scam-stolen"));

    private Script script(String yaml) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, yaml);
        return ScriptLoader.load(file).get(0);
    }

    @Test
    void aMetExpectationPassesAndAWrongOneFailsNamingTheTurn() throws IOException {
        String base = "- id: t1\n  lang: zh\n  tags: [report]\n  turns:\n    - say: 我的钱被盗了\n      category: %s\n";
        assertTrue(runner.run(script(base.formatted("scam-stolen"))).passed());
        ScriptRunner.Outcome wrong = runner.run(script(base.formatted("app-crash")));
        assertFalse(wrong.passed());
        assertTrue(wrong.failure().startsWith("turn 1: user says \"我的钱被盗了\""), wrong.failure());
        assertEquals("category, turn 1", wrong.failureClass());
    }

    @Test
    void anExpectedTicketThatNeverOpensFails() throws IOException {
        var o = runner.run(script("- id: t2\n  lang: en\n  turns:\n    - say: hello\n      ticket: {category: other}\n"));
        assertEquals("ticket, turn 1", o.failureClass());
    }

    @Test
    void unknownKeysAndMissingActionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> script(
                "- id: t3\n  lang: en\n  turns:\n    - say: hi\n      asks_for: time\n"));
        assertThrows(IllegalArgumentException.class, () -> script("- id: t4\n  lang: en\n  turns:\n    - asks: time\n"));
        assertThrows(IllegalArgumentException.class, () -> script("- id: t5\n  lang: fr\n  turns:\n    - say: hi\n"));
    }

    @Test
    void valuesMatchAsSubstringsWithoutSpacesButNotAsPrefixesOfOtherNumbers() {
        assertTrue(ScriptRunner.valueMatches("500 USDT", "500 USDT"));
        assertFalse(ScriptRunner.valueMatches("500 USDT", "5000 USDT"));
        assertTrue(ScriptRunner.valueMatches("2026-11-24T15:00", "2026-11-24T15:00+08:00"));
        assertTrue(ScriptRunner.valueMatches("Redmi|Xiaomi", "Xiaomi Redmi Note 12 / Android"));
        assertFalse(ScriptRunner.valueMatches("TRON", null));
    }

    @Test
    void metricsCountPrecisionRecallAndTheMedianOverUpfrontConversations() {
        Script a = new Script("a", "f", "en", Set.of("upfront"), Map.of("chain", "TRON", "coin", "USDT"), List.of());
        Script b = new Script("b", "f", "en", Set.of("upfront", "correction"), Map.of("chain", "ETH"), List.of());
        var outcomes = List.of(
                new ScriptRunner.Outcome(a, null, null, Map.of("chain", "TRON", "coin", "USDC", "description", "x"), 0, 0, 2),
                new ScriptRunner.Outcome(b, "turn 2", "details, later turn", Map.of("chain", "ETH", "time", "x"), 3, 1, null));
        SuiteMetrics m = SuiteMetrics.compute(outcomes).get("en");
        assertEquals(0.5, m.passRate());
        assertEquals(2 / 4.0, m.precision()); // chain twice right; coin wrong; time not given
        assertEquals(2 / 3.0, m.recall());
        assertEquals(0.0, m.correctionSuccess());
        assertEquals((2 + ScriptRunner.TURN_CAP + 1) / 2.0, m.medianTurns());
        assertEquals(1 / 3.0, m.confidentOosRate());
        assertEquals(5, m.missedTargets().size(), m.missedTargets()::toString);
        assertNull(SuiteMetrics.compute(outcomes).get("zh").missedTargets().stream().findFirst().orElse(null));
    }
}

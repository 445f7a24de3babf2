package supportbot.dialogue.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import supportbot.config.AppConfig;
import supportbot.config.ConfigLoader;
import supportbot.dialogue.DialogueData;
import supportbot.dialogue.DialogueEngine;
import supportbot.dialogue.EngineHarness;
import supportbot.dialogue.FaqLookup;
import supportbot.dialogue.details.DetailParsers;
import supportbot.faq.BgeEmbedder;
import supportbot.faq.CachingEmbedder;
import supportbot.faq.EmbeddingCache;
import supportbot.faq.FaqEntry;
import supportbot.faq.FaqIndexer;
import supportbot.faq.FaqService;
import supportbot.faq.Lang;

/**
 * Issue 14's proof: the scripted conversations in {@code src/test/resources/conversations/} through the real
 * engine, the real config and the real FAQ with its embeddings. One test per conversation, then the issue's
 * metrics per language, written to {@code target/conversation-suite.md} and held to the issue's targets.
 * See docs/conversation-suite.md.
 */
class ConversationSuiteTest {
    static final Path SCRIPTS = Path.of("src/test/resources/conversations");
    static final Path REPORT = Path.of("target/conversation-suite.md");
    static final Path KNOWN_FAILURES_FILE = SCRIPTS.resolve("known-failures.txt");
    /** Conversation id to why it fails: the open gaps, each reported in the README, none hidden. */
    static final Map<String, String> KNOWN_FAILURES = knownFailures();
    /**
     * Targets of issue 14 not met yet, exactly as {@link SuiteMetrics#missedTargets()} words them. Any other miss,
     * or a worse number, fails the build.
     */
    static final Set<String> ACCEPTED_MISSES = Set.of();

    private static Map<String, String> knownFailures() {
        try {
            var map = new LinkedHashMap<String, String>();
            for (String line : Files.readAllLines(KNOWN_FAILURES_FILE)) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    String[] parts = l.split("\\s+", 2);
                    map.put(parts[0], parts.length > 1 ? parts[1] : "");
                }
            }
            return map;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Script> scripts;
    private static ScriptRunner runner;
    private static Map<String, ScriptRunner.Outcome> outcomes;

    @BeforeAll
    static void build() {
        scripts = ScriptLoader.loadAll(SCRIPTS);
        AppConfig config = new ConfigLoader().load(ConfigLoader.DEFAULT_FILE);
        // Embeddings are cached under target/ so a second run skips re-embedding the FAQ; the index is the same.
        var embedder = new CachingEmbedder(new BgeEmbedder(),
                new EmbeddingCache(Path.of("target/conversation-suite-embeddings")));
        FaqService faq = new FaqService(Path.of("faq-data"), embedder, config.searchSettings(), FaqIndexer.Progress.SILENT);
        // As the bot runs (BotAssembly): intents read by their labelled examples too, not by the rules alone.
        DialogueData data = DialogueData.load(Path.of("config")).withEmbedder(embedder);
        Clock clock = Clock.fixed(EngineHarness.NOW, ZoneOffset.UTC);
        Lang defaultLang = Lang.parse(config.dialogue().defaultLanguage()).orElseThrow();
        var engine = new DialogueEngine(data, FaqLookup.of(faq), new DetailParsers(data.details(), clock),
                new EngineHarness.Tickets(), clock, defaultLang);
        Set<String> rawIds = new HashSet<>();
        data.categories().all().forEach(c -> {
            if (c.id().contains("-")) {
                rawIds.add(c.id());
            }
        });
        faq.catalog().entries().stream().map(FaqEntry::id).filter(id -> id.contains("-")).forEach(rawIds::add);
        var answerTexts = new java.util.HashMap<String, List<String>>();
        faq.catalog().entries().forEach(entry -> answerTexts.put(entry.id(),
                entry.texts().values().stream().map(supportbot.faq.LocalizedFaq::answer).toList()));
        runner = new ScriptRunner(engine, EngineHarness.NOW, rawIds, answerTexts);
        outcomes = new LinkedHashMap<>();
        for (Script s : scripts) {
            outcomes.put(s.id(), runner.run(s));
        }
    }

    @TestFactory
    Stream<DynamicTest> conversations() {
        return scripts.stream().map(s -> DynamicTest.dynamicTest(s.id() + " [" + s.lang() + " " + s.tags() + "]", () -> {
            ScriptRunner.Outcome o = outcomes.get(s.id());
            String known = KNOWN_FAILURES.get(s.id());
            if (known != null) {
                // Listed failures still count against the pass rate; the list only keeps the build honest about
                // them, and a listed conversation that starts passing must leave the list.
                assertFalse(o.passed(), s.id() + " passes now: remove it from " + KNOWN_FAILURES_FILE);
                org.junit.jupiter.api.Assumptions.abort("known failure (" + known + "): " + o.failure());
            }
            if (!o.passed()) {
                fail(s.file() + " " + s.id() + " " + o.failure());
            }
        }));
    }

    /** The suite is the issue's size and mix, so the metrics mean what the issue says. */
    @Test
    void suiteHasTheIssuesSizeAndMix() {
        Map<String, Integer> byLang = new TreeMap<>();
        Map<String, Integer> byTag = new TreeMap<>();
        for (Script s : scripts) {
            byLang.merge(s.lang(), 1, Integer::sum);
            s.tags().forEach(t -> byTag.merge(t, 1, Integer::sum));
            if (s.tagged("upfront")) {
                assertTrue(!s.given().isEmpty(), s.id() + ": an upfront conversation lists what it gives in 'given'");
            }
        }
        assertTrue(scripts.size() >= 360, "conversations: " + scripts.size());
        assertEquals(Set.of("zh", "zh-hant", "en", "mixed"), byLang.keySet());
        for (String tag : List.of("upfront", "correction", "interruption", "oos")) {
            assertTrue(byTag.getOrDefault(tag, 0) >= (tag.equals("upfront") ? 60 : 50), tag + ": " + byTag);
        }
    }

    @Test
    void metricsMeetTheIssuesTargets() throws IOException {
        Map<String, SuiteMetrics> metrics = SuiteMetrics.compute(List.copyOf(outcomes.values()));
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report(metrics));
        List<String> missed = metrics.values().stream().filter(m -> !m.lang().equals("all"))
                .flatMap(m -> m.missedTargets().stream()).filter(miss -> !ACCEPTED_MISSES.contains(miss)).toList();
        assertTrue(missed.isEmpty(), "targets missed (see " + REPORT + "):\n" + String.join("\n", missed));
    }

    private String report(Map<String, SuiteMetrics> metrics) {
        var sb = new StringBuilder("# Conversation suite\n\n").append(SuiteMetrics.tableHeader()).append('\n');
        metrics.values().forEach(m -> sb.append(m.tableRow()).append('\n'));
        Map<String, int[]> byTag = new TreeMap<>();
        for (var o : outcomes.values()) {
            for (String tag : o.script().tags()) {
                int[] c = byTag.computeIfAbsent(tag, k -> new int[2]);
                c[0]++;
                c[1] += o.passed() ? 0 : 1;
            }
        }
        sb.append("\n## Failures by tag\n\n| tag | conversations | failed |\n|---|---|---|\n");
        byTag.forEach((tag, c) -> sb.append("| ").append(tag).append(" | ").append(c[0]).append(" | ").append(c[1])
                .append(" |\n"));
        Map<String, Integer> byClass = new TreeMap<>();
        outcomes.values().stream().filter(o -> !o.passed()).forEach(o -> byClass.merge(o.failureClass(), 1, Integer::sum));
        sb.append("\n## Failures by first failing expectation\n\n| expectation | conversations |\n|---|---|\n");
        byClass.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sb.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n"));
        sb.append("\n## Details read from the first message of `upfront` conversations, where they differ\n\n");
        for (var o : outcomes.values()) {
            if (!o.script().tagged("upfront")) {
                continue;
            }
            List<String> diffs = new java.util.ArrayList<>();
            o.script().given().forEach((k, v) -> {
                if (!ScriptRunner.valueMatches(v, o.firstTurnDetails().get(k))) {
                    diffs.add(k + ": want " + v + ", read " + o.firstTurnDetails().get(k));
                }
            });
            o.firstTurnDetails().forEach((k, v) -> {
                if (!o.script().given().containsKey(k) && !k.equals("description") && !k.equals("screenshot")) {
                    diffs.add(k + ": not given, read " + v);
                }
            });
            if (!diffs.isEmpty()) {
                sb.append("- `").append(o.script().id()).append("` ").append(String.join("; ", diffs).replace("|", "/"))
                        .append('\n');
            }
        }
        sb.append("\n## Failing conversations\n\n");
        outcomes.values().stream().filter(o -> !o.passed()).forEach(o -> sb.append("- `").append(o.script().id())
                .append("` ").append(o.failure().lines().findFirst().orElse("").replace("|", "\\|")).append(": ")
                .append(o.failure().lines().skip(1).findFirst().orElse("").trim().replace("|", "\\|")).append('\n'));
        return sb.toString();
    }
}

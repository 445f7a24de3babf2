package supportbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
    @TempDir
    Path dir;

    @Test
    void jsonReportHasTheFixedKeysAndRealNumbers() throws Exception {
        Path faq = Files.writeString(dir.resolve("faq.jsonl"), """
                {"id":"pin","question":"How do I reset my PIN code?","answer":"Settings, Security, Reset PIN."}
                {"id":"fees","question":"Why are network fees so high?","answer":"Fees go to miners and validators."}
                {"id":"lost","question":"I lost my phone, how do I restore my wallet?","answer":"Import your recovery phrase on a new phone."}
                """);
        Path queries = Files.writeString(dir.resolve("q.jsonl"), """
                {"query":"reset pin code","expected":"pin"}
                {"query":"network fees high","expected":"fees"}
                {"query":"restore wallet lost phone","expected":"lost"}
                {"query":"my PIN code","expected":"fees"}
                """);
        var stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            exit = Main.commandLine().execute("eval", "--no-semantic", "--config", configIn(dir).toString(),
                    "--faq", faq.toString(), "--queries", queries.toString(), "--json");
        } finally {
            System.setOut(original);
        }
        assertEquals(0, exit);
        JsonNode report = new ObjectMapper().readTree(stdout.toString(StandardCharsets.UTF_8));
        for (String key : List.of("queries", "recall_at_1", "recall_at_3", "mrr", "answer_coverage", "answer_precision",
                "p50_ms", "p99_ms")) {
            assertTrue(report.has(key), "missing " + key + " in " + report);
        }
        assertEquals(4, report.get("queries").asInt());
        assertEquals(0.75, report.get("recall_at_1").asDouble(), 1e-9, "the last query is labelled wrong on purpose");
    }

    @Test
    void unknownExpectedIdIsAClearError() throws Exception {
        Path faq = Files.writeString(dir.resolve("faq.jsonl"), "{\"id\":\"pin\",\"question\":\"q\",\"answer\":\"a\"}\n");
        Path queries = Files.writeString(dir.resolve("q.jsonl"), "{\"query\":\"x\",\"expected\":\"nope\"}\n");
        var err = new StringWriter();
        int exit = Main.commandLine().setErr(new PrintWriter(err)).execute("eval", "--no-semantic", "--config",
                configIn(dir).toString(), "--faq", faq.toString(), "--queries", queries.toString());
        assertEquals(2, exit);
        assertTrue(err.toString().contains("unknown FAQ id 'nope'"), err.toString());
    }

    /** Keeps the test's cache files inside its temporary directory. */
    private static Path configIn(Path dir) throws Exception {
        return Files.writeString(dir.resolve("app.yaml"), "data:\n  dir: " + dir.resolve("data") + "\n");
    }
}

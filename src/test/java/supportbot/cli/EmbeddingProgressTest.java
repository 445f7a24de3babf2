package supportbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import supportbot.faq.Lang;

class EmbeddingProgressTest {
    private static String run(boolean terminal) {
        var bytes = new ByteArrayOutputStream();
        var progress = new EmbeddingProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal);
        progress.update(Lang.ZH, 0, 600);
        progress.update(Lang.EN, 0, 600);
        for (int done = 32; done <= 600; done += 32) {
            progress.update(Lang.ZH, Math.min(done, 600), 600);
        }
        progress.update(Lang.ZH, 600, 600);
        for (int done = 32; done <= 600; done += 32) {
            progress.update(Lang.EN, Math.min(done, 600), 600);
        }
        progress.update(Lang.EN, 600, 600);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLogGetsAFewLinesNotOnePerBatch() {
        String out = run(false);
        assertEquals(4, out.lines().count(), out);
        assertTrue(out.lines().toList().get(3).endsWith("1200/1200 texts (100%)"), out);
    }

    @Test
    void aTerminalGetsOneLineRedrawnInPlace() {
        String out = run(true);
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), "one line, ended once: " + out);
        assertTrue(out.chars().filter(c -> c == '\r').count() > 10, "redrawn in place: " + out);
        assertTrue(out.endsWith("1200/1200 texts (100%)" + System.lineSeparator()), out);
    }
}

package supportbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
    @TempDir
    Path dir;

    @Test
    void anyFailureMakesTheExitCodeNonZero() throws Exception {
        Path config = Files.writeString(dir.resolve("app.yaml"), "faq:\n  semantic: maybe\n");
        var bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            exit = Main.commandLine().execute("doctor", "--config", config.toString());
        } finally {
            System.setOut(original);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(DoctorCommand.EXIT_PROBLEMS, exit, out);
        assertTrue(out.startsWith("FAIL  config") && out.contains("faq.semantic") && out.contains("1 failed"), out);
    }
}

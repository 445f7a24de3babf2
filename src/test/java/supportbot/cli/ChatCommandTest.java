package supportbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.store.Store;

class ChatCommandTest {
    @TempDir
    Path dir;

    private String chat(String input, Path config) throws Exception {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        var out = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int exit = Main.commandLine().execute("chat", "--no-semantic", "--user", "tester", "--config", config.toString());
            assertEquals(0, exit);
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path config() throws Exception {
        return Files.writeString(dir.resolve("app.yaml"), "data:\n  dir: " + dir.resolve("data") + "\n");
    }

    @Test
    void aTerminalConversationShowsNumberedButtonsAndRemembersAcrossRuns() throws Exception {
        Path config = config();
        String first = chat("hello\n1\n/quit\n", config);
        assertTrue(first.contains("[1] Report a problem"), first);
        assertTrue(first.contains("What kind of problem is it?"), "pressing [1] reported a problem: " + first);

        String second = chat("/status\n/quit\n", config);
        assertTrue(second.contains("no open ticket"), second);
        try (Store store = Store.open(dir.resolve("data"))) {
            assertEquals(3, store.transcript("cli:tester", 0).stream().filter(l -> l.from().equals("user")).count(),
                    "hello, the button and /status were all recorded");
        }
    }

    @Test
    void aSecondProcessOnTheSameDataIsToldClearly() throws Exception {
        Path config = config();
        try (Store running = Store.open(dir.resolve("data"))) {
            var err = new StringWriter();
            InputStream originalIn = System.in;
            try {
                System.setIn(new ByteArrayInputStream("/quit\n".getBytes(StandardCharsets.UTF_8)));
                int exit = Main.commandLine().setErr(new PrintWriter(err)).execute("chat", "--no-semantic", "--config",
                        config.toString());
                assertEquals(2, exit);
            } finally {
                System.setIn(originalIn);
            }
            assertTrue(err.toString().contains("already in use by another support-bot process"), err.toString());
        }
    }
}

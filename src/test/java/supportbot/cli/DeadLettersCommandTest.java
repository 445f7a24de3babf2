package supportbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.channel.DeadLetters;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

class DeadLettersCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run run(String... args) {
        PrintStream out0 = System.out;
        PrintStream err0 = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.commandLine().execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out0);
            System.setErr(err0);
        }
    }

    @Test
    void listsAndAsksForAReplayThatTheStoreKeeps() throws Exception {
        Path config = Files.writeString(dir.resolve("app.yaml"), "data:\n  dir: " + dir.resolve("data") + "\n");
        assertTrue(run("deadletters", "list", "--config", config.toString()).out().contains("No dead letters."));
        try (Store store = Store.open(dir.resolve("data")); var committer = new GroupCommitter(store)) {
            new DeadLetters(store, committer, Clock.systemUTC()).record("telegram", "telegram-9", "{\"update_id\":9}",
                    "500 Internal Server Error", 5);
        }
        Run list = run("deadletters", "list", "--config", config.toString());
        assertEquals(0, list.code());
        assertTrue(list.out().contains("telegram-9") && list.out().contains("waiting")
                && list.out().contains("500 Internal Server Error"), list.out());

        Run replay = run("deadletters", "replay", "telegram-9", "--config", config.toString());
        assertEquals(0, replay.code(), replay.err());
        assertTrue(run("deadletters", "list", "--config", config.toString()).out().contains("replay-requested"));

        Run unknown = run("deadletters", "replay", "telegram-1", "--config", config.toString());
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("no dead letter 'telegram-1'"), unknown.err());
    }
}

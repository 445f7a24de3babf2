package supportbot.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;
import supportbot.store.TranscriptLine;

class RetentionSweeperTest {
    @TempDir
    Path dir;

    @Test
    void turnsAndFilesOlderThanTheRetentionGoAndNewerOnesStay() throws Exception {
        Instant now = Instant.parse("2026-11-25T00:00:00Z");
        Instant old = now.minus(Duration.ofDays(400));
        Instant recent = now.minus(Duration.ofDays(3));
        Path files = dir.resolve("attachments");
        Path oldFile = Files.createDirectories(files.resolve("web_a")).resolve("old.png");
        Path newFile = files.resolve("web_a").resolve("new.png");
        Files.writeString(oldFile, "x");
        Files.writeString(newFile, "y");
        Files.setLastModifiedTime(oldFile, FileTime.from(old));
        try (var store = Store.open(dir.resolve("data")); var committer = new GroupCommitter(store)) {
            committer.submit(tx -> {
                tx.appendTranscript("web:a", Store.encodeLines(List.of(new TranscriptLine(0, "user", "my old problem",
                        List.of(), List.of(), old))), 1);
                tx.appendTranscript("web:a", Store.encodeLines(List.of(new TranscriptLine(0, "user", "my new problem",
                        List.of(), List.of(), recent))), 1);
            }).join();
            var sweeper = new RetentionSweeper(store, committer, files, Duration.ofDays(365), Clock.fixed(now, ZoneOffset.UTC));
            var result = sweeper.sweep();
            assertEquals(1, result.transcriptTurns());
            assertEquals(1, result.files());
            var left = store.transcript("web:a", 0);
            assertEquals(List.of("my new problem"), left.stream().map(TranscriptLine::text).toList());
            assertFalse(Files.exists(oldFile));
            assertTrue(Files.exists(newFile));
            assertEquals(0, sweeper.sweep().transcriptTurns(), "a second sweep finds nothing more");
        }
    }
}

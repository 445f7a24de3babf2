package supportbot.safety;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * Keeps personal data only as long as configured: transcript turns and attachment files older than the
 * retention period are deleted, and conversations idle that long with no open ticket are erased whole (their
 * keys destroyed, as by /forget). Tickets keep their numbers, times and statuses for the statistics.
 */
public final class RetentionSweeper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RetentionSweeper.class);
    private static final int BATCH = 500;

    /** @param conversations idle ones erased whole, their keys destroyed */
    public record Result(int transcriptTurns, int files, int conversations) {
        public Result(int transcriptTurns, int files) {
            this(transcriptTurns, files, 0);
        }
    }

    private final Store store;
    private final GroupCommitter committer;
    private final Path attachmentsRoot;
    private final Duration keep;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public RetentionSweeper(Store store, GroupCommitter committer, Path attachmentsRoot, Duration keep, Clock clock) {
        this.store = store;
        this.committer = committer;
        this.attachmentsRoot = attachmentsRoot;
        this.keep = keep;
        this.clock = clock;
    }

    public Result sweep() {
        Instant cutoff = clock.instant().minus(keep);
        List<String> old = store.transcriptEntriesBefore(cutoff);
        for (int i = 0; i < old.size(); i += BATCH) {
            List<String> batch = old.subList(i, Math.min(old.size(), i + BATCH));
            committer.submit(tx -> tx.removeTranscriptEntries(batch)).join();
        }
        List<String> idle = store.conversationsIdleBefore(cutoff);
        for (int i = 0; i < idle.size(); i += BATCH) {
            List<String> batch = idle.subList(i, Math.min(idle.size(), i + BATCH));
            committer.submit(tx -> tx.expire(batch)).join();
        }
        int files = deleteFilesBefore(cutoff);
        store.trimInboundIds(cutoff); // platforms stop redelivering within a day; the ids need not outlive the rest
        if (!old.isEmpty() || files > 0 || !idle.isEmpty()) {
            log.info("retention: removed {} transcript turns, {} idle conversations and {} files older than {} days",
                    old.size(), idle.size(), files, keep.toDays());
        }
        return new Result(old.size(), files, idle.size());
    }

    private int deleteFilesBefore(Instant cutoff) {
        if (!Files.isDirectory(attachmentsRoot)) {
            return 0;
        }
        int deleted = 0;
        try (Stream<Path> files = Files.walk(attachmentsRoot)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff) && Files.deleteIfExists(p)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            log.warn("retention: could not sweep {}: {}", attachmentsRoot, e.getMessage());
        }
        return deleted;
    }

    public RetentionSweeper start(Duration every) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "retention");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                log.error("retention sweep failed; next one in {}", every, e);
            }
        }, 1, every.toMinutes(), TimeUnit.MINUTES);
        return this;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}

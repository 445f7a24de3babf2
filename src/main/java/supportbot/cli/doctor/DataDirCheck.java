package supportbot.cli.doctor;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import supportbot.store.Store;

/** The data directory: there or creatable, writable, room to grow, and not held by a running bot. */
final class DataDirCheck {
    static final long FAIL_BELOW_BYTES = 100L * 1024 * 1024;
    static final long WARN_BELOW_BYTES = 1024L * 1024 * 1024;
    private static final String NAME = "data dir";

    private DataDirCheck() {
    }

    static Check check(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            Path parent = absolute.getParent();
            while (parent != null && !Files.exists(parent)) {
                parent = parent.getParent();
            }
            if (parent == null || !Files.isDirectory(parent) || !canWriteIn(parent)) {
                return Check.fail(NAME, dir + " does not exist and cannot be created (" + parent + " is not a writable "
                        + "directory)", "create it for the bot's user, or set data.dir to a writable place");
            }
            return spaceCheck(parent, dir + " does not exist yet; it will be created in " + parent);
        }
        if (!Files.isDirectory(absolute)) {
            return Check.fail(NAME, dir + " is not a directory", "set data.dir to a directory");
        }
        if (!canWriteIn(absolute)) {
            return Check.fail(NAME, dir + " is not writable", "give the bot's user write access (chown/chmod), "
                    + "or set data.dir elsewhere");
        }
        Path db = absolute.resolve(Store.FILE_NAME);
        if (Files.exists(db) && lockedByAnotherBot(db)) {
            return Check.warn(NAME, dir + " is in use by a running support-bot (" + Store.FILE_NAME + " is locked)",
                    "a second bot cannot start on it: stop the running one, or give this one its own data.dir");
        }
        return spaceCheck(absolute, dir + " is writable");
    }

    private static Check spaceCheck(Path existing, String detail) {
        long free;
        try {
            free = Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return Check.warn(NAME, detail + "; free space unknown: " + e.getMessage(), "");
        }
        String withSpace = detail + ", " + (free / (1024 * 1024)) + " MB free";
        if (free < FAIL_BELOW_BYTES) {
            return Check.fail(NAME, withSpace, "free disk space: the store stops accepting writes when the disk is full");
        }
        if (free < WARN_BELOW_BYTES) {
            return Check.warn(NAME, withSpace, "less than 1 GB left: transcripts and attachments will fill it");
        }
        return Check.ok(NAME, withSpace);
    }

    /** Tries to write, rather than asking: permission bits say nothing for root or on read-only mounts. */
    private static boolean canWriteIn(Path dir) {
        try {
            Path probe = Files.createTempFile(dir, ".doctor", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** MapDB holds an OS file lock on its file while open; a lock we cannot take means a bot has it. */
    private static boolean lockedByAnotherBot(Path db) {
        try (FileChannel channel = FileChannel.open(db, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very JVM (a bot embedded in the same process, as in tests)
        } catch (IOException e) {
            return false; // unreadable: the writable check above already spoke
        }
    }
}

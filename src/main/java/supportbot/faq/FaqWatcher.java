package supportbot.faq;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the FAQ when files under its directory change. Editors save in bursts (temp file, rename, chmod),
 * so changes are gathered until the directory has been quiet for {@code quietMillis}.
 */
public final class FaqWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FaqWatcher.class);

    private final FaqService service;
    private final long quietMillis;
    private final WatchService watchService;
    private final Thread thread;

    public FaqWatcher(FaqService service, long quietMillis) throws IOException {
        this.service = service;
        this.quietMillis = quietMillis;
        this.watchService = FileSystems.getDefault().newWatchService();
        registerTree(service.location());
        this.thread = new Thread(this::loop, "faq-watcher");
        thread.setDaemon(true);
    }

    public FaqWatcher start() {
        thread.start();
        return this;
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watchService.take();
                drain(key);
                WatchKey more;
                while ((more = watchService.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                registerTree(service.location()); // picks up new sub-directories
                service.reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.error("FAQ watcher stopped, edits will need a restart: {}", e.getMessage());
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() {
        try {
            watchService.close();
        } catch (IOException e) {
            log.warn("closing FAQ watcher: {}", e.getMessage());
        }
        thread.interrupt();
    }
}

package supportbot.channel;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.store.GroupCommitter;
import supportbot.store.OutboxEntry;
import supportbot.store.Store;

/**
 * Sends committed replies through their channel's {@link ChannelSender} and marks them delivered. An entry
 * stays in the store until its sender returns, so a crash re-sends rather than loses (at-least-once).
 */
public final class Outbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final long MAX_BACKOFF_MS = 30_000;

    private final Store store;
    private final GroupCommitter committer;
    private final Map<String, ChannelSender> senders = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    public Outbox(Store store, GroupCommitter committer) {
        this.store = store;
        this.committer = committer;
        this.thread = new Thread(this::loop, "outbox");
        thread.setDaemon(true);
    }

    public Outbox register(ChannelSender sender) {
        senders.put(sender.channel(), sender);
        return this;
    }

    public Outbox start() {
        thread.start();
        wake();
        return this;
    }

    public void wake() {
        wake.release();
    }

    private void loop() {
        long backoff = 0;
        while (running) {
            try {
                wake.tryAcquire(backoff > 0 ? backoff : 1000, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                boolean failed = deliverPending();
                backoff = failed ? Math.min(MAX_BACKOFF_MS, Math.max(250, backoff * 2)) : 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Delivers what is pending on the caller's thread; for a single-threaded surface (the terminal chat) that
     * runs without {@link #start()}.
     *
     * @return true when some entry could not be sent and should be retried after a pause
     */
    public boolean deliverPending() {
        var delivered = new ArrayList<Long>();
        boolean failed = false;
        for (OutboxEntry entry : store.pendingOutbox(500)) {
            ChannelSender sender = senders.get(entry.channel());
            if (sender == null) {
                continue;
            }
            try {
                sender.send(entry);
                delivered.add(entry.id());
            } catch (Exception e) {
                log.warn("sending to {} failed, will retry: {}", entry.channel(), e.getMessage());
                failed = true;
                break; // keep this conversation's order: nothing after a failed entry goes first
            }
        }
        if (!delivered.isEmpty()) {
            committer.submit(tx -> delivered.forEach(tx::delivered)).join();
        }
        return failed;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}

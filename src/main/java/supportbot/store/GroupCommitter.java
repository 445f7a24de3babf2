package supportbot.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only writer of the {@link Store}. Each submitted write set (one turn: new state, transcript, outbox, …)
 * is committed before its future completes, so callers acknowledge a message only once it is durable. Write
 * sets that arrive while a commit runs share the next commit: a MapDB commit costs about a millisecond here
 * whatever its size, so committing each alone would cap the bot near 1,000 messages per second.
 */
public final class GroupCommitter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

    private record Pending(Consumer<Store.Tx> writes, CompletableFuture<Void> done) {
    }

    private final Store store;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long commits;
    private volatile long writeSets;
    private final supportbot.metrics.BotMetrics metrics;

    public GroupCommitter(Store store) {
        this(store, supportbot.metrics.BotMetrics.none());
    }

    public GroupCommitter(Store store, supportbot.metrics.BotMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        metrics.gauge("supportbot.store.file.size", "size of the store's file on disk", "bytes", this::fileBytes);
        this.thread = new Thread(this::loop, "store-commit");
        thread.setDaemon(true);
        thread.start();
    }

    private final java.util.List<Runnable> afterCommit = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Runs on the commit thread after every commit: keep it quick (wake someone, bump a counter). */
    public void onCommit(Runnable listener) {
        afterCommit.add(listener);
    }

    /**
     * Another instance sharing the database committed: the commit listeners run here too, on the caller's thread,
     * so whatever they refresh (the desk's change counter, search, stats) moves on this instance as well.
     */
    public void committedElsewhere() {
        committed();
    }

    private void committed() {
        for (Runnable r : afterCommit) {
            try {
                r.run();
            } catch (RuntimeException e) {
                log.warn("a commit listener failed", e);
            }
        }
    }

    public CompletableFuture<Void> submit(Consumer<Store.Tx> writes) {
        var pending = new Pending(writes, new CompletableFuture<>());
        if (!running) {
            pending.done.completeExceptionally(new IllegalStateException("store is closed"));
            return pending.done;
        }
        queue.add(pending);
        return pending.done;
    }

    private void loop() {
        var batch = new ArrayList<Pending>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 4096);
                commitTogether(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The only writer must outlive any failure: if it died, nothing would ever be acknowledged again.
                log.error("store commit pass failed; its writes were not acknowledged", e);
                batch.forEach(p -> p.done.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private long fileBytes() {
        if (store.file() == null) {
            return -1; // a database server's size is the database's to report
        }
        try {
            return java.nio.file.Files.size(store.file());
        } catch (java.io.IOException e) {
            return -1; // shown as -1 rather than a scrape error: the file is being replaced or is gone
        }
    }

    private void commitTogether(List<Pending> batch) {
        long start = System.nanoTime();
        try {
            Store.Tx tx = store.tx();
            var refused = new java.util.IdentityHashMap<Pending, RuntimeException>();
            for (Pending p : batch) {
                try {
                    p.writes.accept(tx);
                } catch (RuntimeException e) {
                    if (!(e instanceof Refusal)) {
                        throw e;
                    }
                    refused.put(p, e); // it wrote nothing: no need to undo the others
                }
            }
            store.commit();
            commits++;
            writeSets += batch.size();
            committed();
            // Recorded before the waiters wake, so whoever sees the commit also sees it counted.
            metrics.storeCommit(System.nanoTime() - start, batch.size());
            batch.forEach(p -> {
                RuntimeException why = refused.get(p);
                if (why == null) {
                    p.done.complete(null);
                } else {
                    p.done.completeExceptionally(why);
                }
            });
        } catch (RuntimeException e) {
            // One bad write set must not sink the others: undo the whole group, then commit one by one.
            rollbackQuietly();
            for (Pending p : batch) {
                long singleStart = System.nanoTime();
                try {
                    p.writes.accept(store.tx());
                    store.commit();
                    commits++;
                    writeSets++;
                    committed();
                    metrics.storeCommit(System.nanoTime() - singleStart, 1);
                    p.done.complete(null);
                } catch (RuntimeException single) {
                    rollbackQuietly();
                    if (!(single instanceof Refusal)) {
                        log.error("store write failed and was rolled back", single);
                    }
                    p.done.completeExceptionally(single);
                }
            }
        }
    }

    /**
     * A rollback fails when the database dropped the connection; the transaction is gone with it, so there is
     * nothing left to undo, and the next write set gets a fresh connection.
     */
    private void rollbackQuietly() {
        try {
            store.rollback();
        } catch (RuntimeException e) {
            log.warn("rollback failed, the transaction ended with its connection: {}", e.toString());
        }
    }

    /** Commits so far and write sets so far: their ratio is the average group size. */
    public long commits() {
        return commits;
    }

    public long writeSets() {
        return writeSets;
    }

    /** Waits for everything submitted so far to be committed, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

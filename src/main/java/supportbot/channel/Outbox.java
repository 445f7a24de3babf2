package supportbot.channel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.store.GroupCommitter;
import supportbot.store.OutboxEntry;
import supportbot.store.Store;

/**
 * Sends committed replies through their channel's {@link ChannelSender} and marks them delivered. An entry
 * stays in the store until its sender returns, so a crash re-sends rather than loses (at-least-once); each
 * entry (and each part of a long one) is marked as soon as the platform accepts it, so what a crash can
 * repeat is at most the one message per conversation that was on the wire when it struck.
 * Conversations are sent in parallel, each strictly in order: a conversation whose entry failed waits for
 * the next pass while the others go on, so one rate-limited chat holds up nobody else.
 *
 * <p>When several instances share the store, each pass claims conversations (see {@link Store#claimOutbox}) for
 * a lease that a timer renews; this instance stops sending once it cannot be sure its lease still holds, so a
 * conversation another instance took over after a kill or a lost database is never sent by both, beyond the
 * one message that was on the wire.
 */
public final class Outbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final int BATCH = 1000;

    private final Store store;
    private final GroupCommitter committer;
    private final Map<String, ChannelSender> senders = new ConcurrentHashMap<>();
    private final WakeLoop loop;
    private final ExecutorService sending;
    private final supportbot.metrics.BotMetrics metrics;
    /** When each pending entry was first read (nanoTime): the store keeps no enqueue time, and this is within a pass of it. */
    private final Map<Long, Long> firstSeen = new ConcurrentHashMap<>();
    /** Who holds this instance's claims in a shared store. */
    private final String claimant = java.util.UUID.randomUUID().toString();
    private volatile Duration lease = Duration.ofSeconds(30);
    /** Until when (nanoTime) our claims surely hold: the last claim or renewal's start plus most of the lease. */
    private volatile long leaseSafeUntil;
    private java.util.concurrent.ScheduledExecutorService renewer;

    public Outbox(Store store, GroupCommitter committer) {
        this(store, committer, 8);
    }

    public Outbox(Store store, GroupCommitter committer, int parallel) {
        this(store, committer, parallel, supportbot.metrics.BotMetrics.none());
    }

    /** @param parallel how many conversations are sent to at once (platform round trips dominate) */
    public Outbox(Store store, GroupCommitter committer, int parallel, supportbot.metrics.BotMetrics metrics) {
        this.metrics = metrics;
        metrics.gauge("supportbot.outbox.depth", "replies committed and not yet delivered", null, store::outboxSize);
        metrics.gauge("supportbot.outbox.oldest.age", "how long the oldest pending reply has waited", "seconds",
                this::oldestAgeSeconds);
        metrics.gauge("supportbot.outbox.undeliverable", "replies parked as undeliverable, in the store", null,
                store::undeliverableCount);
        this.store = store;
        this.committer = committer;
        this.loop = new WakeLoop("outbox", Duration.ofSeconds(1), this::deliverPending);
        this.sending = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "outbox-send");
            t.setDaemon(true);
            return t;
        });
    }

    public Outbox register(ChannelSender sender) {
        senders.put(sender.channel(), sender);
        return this;
    }

    /** The sender's connection is gone (its instance lost the Discord gateway): its channel waits for another. */
    public void unregister(ChannelSender sender) {
        senders.remove(sender.channel(), sender);
    }

    /** Whether this instance can deliver to the channel now. */
    public boolean sends(String channel) {
        return senders.containsKey(channel);
    }

    /** Passes an agent's "typing" hint to the channel's sender, off the caller's thread; a failure is only logged. */
    public void typing(String channel, String conversationKey) {
        ChannelSender sender = senders.get(channel);
        if (sender == null) {
            return;
        }
        sending.execute(() -> {
            try {
                sender.typing(conversationKey);
            } catch (Exception e) {
                log.debug("typing hint for {} not shown: {}", conversationKey, e.toString());
            }
        });
    }

    /** How long a claim lasts unrenewed: how soon another instance takes over a killed one's chats. */
    public Outbox lease(Duration lease) {
        if (lease.compareTo(Duration.ofMillis(300)) < 0) {
            throw new IllegalArgumentException("an outbox lease must be at least 300 ms, not " + lease.toMillis() + " ms");
        }
        this.lease = lease;
        return this;
    }

    public Outbox start() {
        if (store.shared()) {
            renewer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "outbox-lease");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(100, lease.toMillis() / 3);
            renewer.scheduleWithFixedDelay(this::renewLease, every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        loop.start();
        return this;
    }

    private void renewLease() {
        long start = System.nanoTime();
        try {
            store.renewOutbox(claimant, lease);
            leaseSafeUntil = start + safePart(lease);
        } catch (RuntimeException e) {
            log.warn("could not renew the outbox lease; sending stops when it may have run out: {}", e.toString());
        }
    }

    /** Most of the lease: what is left covers clock drift between this process and the database. */
    private static long safePart(Duration lease) {
        return lease.toNanos() * 4 / 5;
    }

    private boolean leaseLost() {
        return store.shared() && System.nanoTime() - leaseSafeUntil > 0;
    }

    public void wake() {
        loop.wake();
    }

    /**
     * Delivers what is pending (on the caller's thread too, for the single-threaded terminal chat, which runs
     * without {@link #start()}).
     *
     * @return zero when everything went, else how long to wait before the next pass
     */
    public Duration deliverPending() {
        var byConversation = new LinkedHashMap<String, List<OutboxEntry>>();
        long now = System.nanoTime();
        long claimStart = System.nanoTime();
        List<OutboxEntry> pending = store.claimOutbox(claimant, senders.keySet(), BATCH, lease);
        leaseSafeUntil = claimStart + safePart(lease);
        if (pending.size() < BATCH) { // a full read: whatever it lacks was removed (erased, delivered) meanwhile
            firstSeen.keySet().retainAll(pending.stream().map(OutboxEntry::id).collect(java.util.stream.Collectors.toSet()));
        }
        for (OutboxEntry entry : pending) {
            firstSeen.putIfAbsent(entry.id(), now);
            if (senders.containsKey(entry.channel())) {
                byConversation.computeIfAbsent(entry.conversationKey(), k -> new ArrayList<>()).add(entry);
            }
        }
        if (byConversation.isEmpty()) {
            return Duration.ZERO;
        }
        var runs = new ArrayList<CompletableFuture<Duration>>();
        for (List<OutboxEntry> entries : byConversation.values()) {
            runs.add(byConversation.size() == 1 ? CompletableFuture.completedFuture(send(entries))
                    : CompletableFuture.supplyAsync(() -> send(entries), sending));
        }
        Duration retry = Duration.ZERO;
        for (CompletableFuture<Duration> run : runs) {
            Duration wait = run.join();
            if (!wait.isZero() && (retry.isZero() || wait.compareTo(retry) < 0)) {
                retry = wait;
            }
        }
        return retry;
    }

    private double oldestAgeSeconds() {
        return firstSeen.values().stream().mapToLong(t -> t).min().stream()
                .mapToDouble(t -> (System.nanoTime() - t) / 1e9).findFirst().orElse(0);
    }

    private Duration send(List<OutboxEntry> entries) {
        try (var scope = supportbot.logging.LogContext.conversation(entries.get(0).conversationKey())) {
            return sendInOrder(entries);
        }
    }

    /** Sends one conversation's entries in order; returns zero when all went, else the wait before retrying. */
    private Duration sendInOrder(List<OutboxEntry> entries) {
        for (OutboxEntry entry : entries) {
            if (loop.closing()) {
                return Duration.ZERO; // what is left goes after the restart
            }
            if (leaseLost()) {
                return Duration.ofMillis(200); // another instance may hold this chat now: claim again first
            }
            try {
                senders.get(entry.channel()).send(entry,
                        parts -> committer.submit(tx -> tx.partsDelivered(entry.id(), parts)).join());
                committer.submit(tx -> tx.delivered(entry.id())).join();
                firstSeen.remove(entry.id());
                metrics.messageSent(entry.channel());
            } catch (SendFailure f) {
                if (f.permanent()) {
                    log.warn("cannot deliver to {} ({}); the message is kept as undeliverable", entry.channel(), f.getMessage());
                    committer.submit(tx -> tx.park(entry.id(), f.getMessage())).join();
                    firstSeen.remove(entry.id());
                    metrics.parked(entry.channel());
                    continue;
                }
                Duration wait = f.retryAfter() != null ? f.retryAfter() : Duration.ofMillis(500);
                metrics.sendRetried(entry.channel());
                if (f.tooManyRequests()) {
                    metrics.rateLimited(entry.channel());
                }
                log.debug("sending to {} deferred {} ms: {}", entry.channel(), wait.toMillis(), f.getMessage());
                return wait;
            } catch (Exception e) {
                log.warn("sending to {} failed, will retry: {}", entry.channel(), e.toString());
                metrics.sendRetried(entry.channel());
                return Duration.ofMillis(500);
            }
        }
        return Duration.ZERO;
    }

    @Override
    public void close() {
        loop.close();
        sending.shutdownNow();
        if (renewer != null) {
            renewer.shutdownNow();
        }
        if (store.shared()) {
            try {
                store.releaseOutbox(claimant); // the other instances send these now, not after the lease
            } catch (RuntimeException e) {
                log.warn("could not release the outbox claims; they pass on when the lease ends: {}", e.toString());
            }
        }
    }
}

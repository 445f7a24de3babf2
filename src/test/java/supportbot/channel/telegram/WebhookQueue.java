package supportbot.channel.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Telegram's side of webhook mode, as far as the bot can tell: each update is POSTed until the bot answers
 * 2xx (waiting longer after each failure), a chat's updates go one at a time and in order, and at most
 * {@code maxConnections} POSTs are open at once (setWebhook's max_connections). A load balancer in front of
 * several instances sees exactly this traffic.
 */
final class WebhookQueue implements AutoCloseable {
    /** One POST of an update; reads the webhook's URL and secret at the time of the call. */
    @FunctionalInterface
    interface Poster {
        FakeBotApi.Delivery post(long updateId, String json);
    }

    private static final class Pending {
        final long updateId;
        final String json;
        int failures;

        Pending(long updateId, String json) {
            this.updateId = updateId;
            this.json = json;
        }
    }

    private final Object lock = new Object();
    private final Map<Long, Deque<Pending>> byChat = new HashMap<>();
    /** Chats with an update being posted or waiting out a failure: their next update must wait. */
    private final Set<Long> busy = new HashSet<>();
    private final Deque<Long> ready = new ArrayDeque<>();
    private final Poster poster;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final ScheduledExecutorService threads;
    private long backlog;
    private long failedPosts;
    private boolean closed;

    WebhookQueue(int maxConnections, Poster poster, Duration firstBackoff, Duration maxBackoff) {
        this.poster = poster;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.threads = Executors.newScheduledThreadPool(maxConnections + 1, r -> {
            Thread t = new Thread(r, "fake-telegram-webhook");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < maxConnections; i++) {
            threads.execute(this::work);
        }
    }

    void add(long updateId, long chat, String json) {
        synchronized (lock) {
            Deque<Pending> queue = byChat.computeIfAbsent(chat, c -> new ArrayDeque<>());
            queue.addLast(new Pending(updateId, json));
            backlog++;
            if (queue.size() == 1 && !busy.contains(chat)) {
                ready.addLast(chat);
                lock.notifyAll();
            }
        }
    }

    /** Updates not yet taken with a 2xx. */
    long backlog() {
        synchronized (lock) {
            return backlog;
        }
    }

    /** POSTs answered with anything but 2xx, or not answered at all. */
    long failedPosts() {
        synchronized (lock) {
            return failedPosts;
        }
    }

    private void work() {
        while (true) {
            long chat;
            Pending next;
            synchronized (lock) {
                while (ready.isEmpty() && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                chat = ready.pollFirst();
                busy.add(chat);
                next = byChat.get(chat).peekFirst();
            }
            FakeBotApi.Delivery d = poster.post(next.updateId, next.json);
            boolean taken = d.status() >= 200 && d.status() < 300;
            synchronized (lock) {
                if (taken) {
                    byChat.get(chat).pollFirst();
                    backlog--;
                    release(chat);
                    continue;
                }
                failedPosts++;
                next.failures++;
            }
            long wait = Math.min(maxBackoff.toMillis(), firstBackoff.toMillis() << Math.min(16, next.failures - 1));
            try {
                threads.schedule(() -> {
                    synchronized (lock) {
                        release(chat);
                    }
                }, wait, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                return;
            }
        }
    }

    /** Under the lock: the chat's next update may go. */
    private void release(long chat) {
        busy.remove(chat);
        Deque<Pending> queue = byChat.get(chat);
        if (queue.isEmpty()) {
            byChat.remove(chat);
        } else {
            ready.addLast(chat);
            lock.notifyAll();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        threads.shutdownNow();
    }
}

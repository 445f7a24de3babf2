package supportbot.channel;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Lets long polls wait for "something was committed in conversation X" without polling the store. */
public final class ConversationSignals {
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    /** Take this before reading, then read: a commit between the two still completes it. */
    public CompletableFuture<Void> next(String conversationKey) {
        return waiting.computeIfAbsent(conversationKey, k -> new CompletableFuture<>());
    }

    /** Wakes every waiting long poll: after notices from other instances may have been missed. */
    public void signalAll() {
        for (String key : java.util.List.copyOf(waiting.keySet())) {
            signal(key);
        }
    }

    public void signal(String conversationKey) {
        CompletableFuture<Void> f = waiting.remove(conversationKey);
        if (f != null) {
            f.complete(null);
        }
    }
}

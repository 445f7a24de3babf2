package supportbot.channel.telegram;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import supportbot.store.GroupCommitter;
import supportbot.store.OutboxEntry;
import supportbot.store.Store;

/**
 * Which message a Telegram user got for an agent's message in the staff topic, so that the agent's edit can edit
 * the user's copy (editMessageText). The staff side says what it expects before the desk takes the reply; the
 * sender reports what it delivered; the match is stored in the store's surface state and survives restarts.
 */
final class RelayedReplies {
    static final String RELAY = "telegram-relay:";

    /** @param prefix what the bot put before the agent's text ("alice (EQLSAQ): "), kept when the text is edited */
    record RelayedCopy(long chatId, String prefix, long ticket, List<Integer> messageIds) {
        RelayedCopy {
            messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
        }
    }

    private record Pending(int staffMessageId, long ticket, String text) {
    }

    private final Store store;
    private final GroupCommitter committer;
    private final Map<String, Deque<Pending>> pending = new ConcurrentHashMap<>();

    RelayedReplies(Store store, GroupCommitter committer) {
        this.store = store;
        this.committer = committer;
    }

    void expect(String conversationKey, int staffMessageId, long ticket, String text) {
        if (conversationKey == null || TelegramKeys.chatOf(conversationKey).isEmpty()) {
            return; // a user on another platform
        }
        Deque<Pending> q = pending.computeIfAbsent(conversationKey, k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(new Pending(staffMessageId, ticket, text));
            while (q.size() > 50) {
                q.removeFirst();
            }
        }
    }

    void refused(String conversationKey, int staffMessageId) {
        Deque<Pending> q = conversationKey == null ? null : pending.get(conversationKey);
        if (q != null) {
            synchronized (q) {
                q.removeIf(p -> p.staffMessageId() == staffMessageId);
            }
        }
    }

    void delivered(OutboxEntry entry, long chatId, List<Integer> messageIds) {
        Deque<Pending> q = pending.get(entry.conversationKey());
        if (q == null || messageIds.isEmpty() || entry.kind() != null) {
            return;
        }
        Pending match = null;
        synchronized (q) {
            for (var it = q.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (entry.text().endsWith(": " + p.text())) {
                    it.remove();
                    match = p;
                    break;
                }
            }
        }
        if (match != null) {
            String prefix = entry.text().substring(0, entry.text().length() - match.text().length());
            var copy = new RelayedCopy(chatId, prefix, match.ticket(), messageIds);
            int staffId = match.staffMessageId();
            committer.submit(tx -> tx.putSurfaceState(RELAY + staffId, copy)).join();
        }
    }

    Optional<RelayedCopy> copyOf(int staffMessageId) {
        return store.surfaceState(RELAY + staffMessageId, RelayedCopy.class);
    }
}

package supportbot.channel;

import supportbot.store.OutboxEntry;

/** Delivers committed bot messages to one channel that pushes to its users (Telegram, Discord, terminal). */
public interface ChannelSender {
    String channel();

    /**
     * Throws to have the entry retried later; it stays in the outbox until this returns. A reply sent as
     * several platform messages starts at {@link OutboxEntry#partsSent()} and reports each part but the last
     * to {@code progress}, which returns once that is durable.
     */
    void send(OutboxEntry entry, PartsProgress progress) throws Exception;

    /**
     * Shows the user that a person is writing to them (a platform's "typing…" action), where the platform has
     * one. Best effort: a failure only means the hint is not shown, so nothing retries it.
     */
    default void typing(String conversationKey) throws Exception {
    }

    @FunctionalInterface
    interface PartsProgress {
        void sent(int partsSoFar);
    }
}

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

    @FunctionalInterface
    interface PartsProgress {
        void sent(int partsSoFar);
    }
}

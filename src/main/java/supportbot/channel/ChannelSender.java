package supportbot.channel;

import supportbot.store.OutboxEntry;

/** Delivers committed bot messages to one channel that pushes to its users (Telegram, Discord, terminal). */
public interface ChannelSender {
    String channel();

    /** Throws to have the entry retried later; it stays in the outbox until this returns. */
    void send(OutboxEntry entry) throws Exception;
}

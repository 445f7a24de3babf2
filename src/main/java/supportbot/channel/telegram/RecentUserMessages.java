package supportbot.channel.telegram;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import supportbot.channel.SendFailure;

/**
 * Which chat message each recent update was (ids only, never text). The inbox names messages by update id, but
 * deleting needs the chat and message id; when the earlier pieces of a recovery phrase sent in pieces are
 * removed, they are deleted from the chat with these. A bot may delete messages in a private chat for 48 hours
 * (in groups only as an admin), far longer than pieces are joined.
 */
final class RecentUserMessages {
    private static final Logger log = LoggerFactory.getLogger(RecentUserMessages.class);

    private final BotApi api;
    private final Cache<String, long[]> byUpdate = CacheBuilder.newBuilder().expireAfterWrite(Duration.ofMinutes(30))
            .maximumSize(200_000).build();

    RecentUserMessages(BotApi api) {
        this.api = api;
    }

    void remember(String updateId, long chatId, int messageId) {
        byUpdate.put(updateId, new long[] {chatId, messageId});
    }

    /** Listener for {@link supportbot.channel.Inbox#onPiecesRemoved}: deletes off the inbox's threads. */
    void deletePieces(String conversationKey, List<String> updateIds) {
        if (!conversationKey.startsWith(TelegramKeys.CHANNEL + ":")) {
            return;
        }
        var targets = updateIds.stream().map(byUpdate::getIfPresent).filter(java.util.Objects::nonNull).toList();
        updateIds.forEach(byUpdate::invalidate);
        CompletableFuture.runAsync(() -> {
            for (long[] t : targets) {
                try {
                    api.deleteMessage(t[0], (int) t[1]);
                } catch (SendFailure e) {
                    log.warn("could not delete a piece of a recovery phrase in chat {} (the bot may lack the right, or it "
                            + "is over 48 hours old): {}", t[0], e.getMessage());
                }
            }
        });
    }
}

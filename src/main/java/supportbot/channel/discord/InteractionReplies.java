package supportbot.channel.discord;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slash commands answered in the interaction itself: the command is deferred at once (Discord shows "thinking"),
 * and the bot's answer, once committed and sent by the outbox, fills that deferred reply instead of arriving as a
 * second message beside an empty acknowledgement. One deferred reply waits per conversation; the next message
 * the bot sends there takes it.
 */
final class InteractionReplies {
    private static final Logger log = LoggerFactory.getLogger(InteractionReplies.class);
    /** Discord keeps an interaction token 15 minutes; after that the deferred reply can no longer be edited. */
    private static final long TOKEN_LIFETIME_NANOS = TimeUnit.MINUTES.toNanos(14);
    /** A turn that says nothing leaves "thinking" behind; it is removed after this long unclaimed. */
    static final Duration UNCLAIMED_AFTER = Duration.ofSeconds(30);

    private record Pending(InteractionHook hook, long deferredAtNanos) {
        boolean expired() {
            return System.nanoTime() - deferredAtNanos > TOKEN_LIFETIME_NANOS;
        }
    }

    private final Map<String, Pending> waiting = new ConcurrentHashMap<>();

    /** The deferred reply of a command given in this conversation waits for the bot's answer. */
    void await(String conversationKey, InteractionHook hook) {
        Pending previous = waiting.put(conversationKey, new Pending(hook, System.nanoTime()));
        if (previous != null) {
            discard(previous.hook()); // an older command that got no answer of its own
        }
    }

    /** The waiting deferred reply of this conversation, if any; it is no longer waiting. */
    Optional<InteractionHook> take(String conversationKey) {
        Pending p = waiting.remove(conversationKey);
        return p == null || p.expired() ? Optional.empty() : Optional.of(p.hook());
    }

    /**
     * Fills the deferred reply with the message (blocking: called from the outbox). If Discord refuses, the hook
     * waits again so a retry of the same message can use it, and the failure goes to the outbox.
     */
    Message answer(String conversationKey, InteractionHook hook, MessageCreateData message) {
        try {
            return hook.editOriginal(MessageEditData.fromCreateData(message)).complete();
        } catch (RuntimeException e) {
            waiting.putIfAbsent(conversationKey, new Pending(hook, System.nanoTime()));
            throw e;
        }
    }

    /** The command's turn ended without a message (a duplicate, a dropped message): "thinking" goes now. */
    void unanswered(String conversationKey, InteractionHook hook) {
        Pending p = waiting.get(conversationKey);
        if (p != null && p.hook() == hook && waiting.remove(conversationKey, p)) {
            discard(hook);
        }
    }

    /** The turn is committed; if nothing has taken the deferred reply after a while, it is removed. */
    void unansweredLater(String conversationKey, InteractionHook hook) {
        CompletableFuture.delayedExecutor(UNCLAIMED_AFTER.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> unanswered(conversationKey, hook));
    }

    private static void discard(InteractionHook hook) {
        hook.deleteOriginal().queue(ok -> { }, e -> log.debug("Discord: a deferred reply could not be removed: {}",
                e.getMessage()));
    }
}

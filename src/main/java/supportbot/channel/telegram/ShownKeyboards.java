package supportbot.channel.telegram;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which message in each chat carries the buttons the conversation shows now. A press on any other message
 * this process sent is stale: its buttons belong to an earlier answer, and acting on them would act on the
 * newest one. Kept in memory only, so messages sent before a restart are not judged here: one of them may be
 * the first copy of a reply the restart sent again, whose buttons are as good as the repeat's; the engine's
 * own checks (phase, offered answer) still refuse what no longer fits.
 */
final class ShownKeyboards {
    /** The first and the latest message with buttons this process sent to a chat. */
    private record Sent(int first, int latest) {
    }

    private final Map<Long, Sent> sent = new ConcurrentHashMap<>();

    void shown(long chatId, int messageId) {
        sent.merge(chatId, new Sent(messageId, messageId),
                (had, now) -> new Sent(Math.min(had.first(), messageId), Math.max(had.latest(), messageId)));
    }

    /**
     * True when the chat's current buttons are known to be on a later message and the pressed one was sent by
     * this process too. A press on a message later than the one known is not stale: its send has reached
     * Telegram, and the user, before its answer reached us.
     */
    boolean isStale(long chatId, int messageId) {
        Sent s = sent.get(chatId);
        return s != null && messageId >= s.first() && messageId < s.latest();
    }
}

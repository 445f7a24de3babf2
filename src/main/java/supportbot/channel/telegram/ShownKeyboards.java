package supportbot.channel.telegram;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which message in each chat carries the buttons the conversation shows now. A press on any other message
 * is stale: its buttons belong to an earlier answer, and acting on them would act on the newest one. Kept in
 * memory only: after a restart the engine's own checks (phase, offered answer) still refuse what no longer
 * fits, and Telegram's keyboards are removed as they are pressed.
 */
final class ShownKeyboards {
    private final Map<Long, Integer> latest = new ConcurrentHashMap<>();

    void shown(long chatId, int messageId) {
        latest.merge(chatId, messageId, Math::max);
    }

    /**
     * True when the chat's current buttons are known to be on a later message. A press on a message later than
     * the one known is not stale: its send has reached Telegram, and the user, before its answer reached us.
     */
    boolean isStale(long chatId, int messageId) {
        Integer current = latest.get(chatId);
        return current != null && messageId < current;
    }
}

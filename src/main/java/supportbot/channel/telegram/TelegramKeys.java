package supportbot.channel.telegram;

import java.util.Optional;

/**
 * Conversation keys of Telegram users: "telegram:&lt;chat&gt;" for a private chat (whose id is the user's id) and
 * "telegram:&lt;group&gt;:&lt;user&gt;" for one user in a group, so two people in one group never share a report.
 */
public final class TelegramKeys {
    public static final String CHANNEL = "telegram";

    private TelegramKeys() {
    }

    public static String privateChat(long userId) {
        return CHANNEL + ":" + userId;
    }

    public static String inGroup(long chatId, long userId) {
        return CHANNEL + ":" + chatId + ":" + userId;
    }

    /** The chat to send to for a conversation key, or empty when the key is not a Telegram one. */
    public static Optional<Long> chatOf(String conversationKey) {
        if (conversationKey == null || !conversationKey.startsWith(CHANNEL + ":")) {
            return Optional.empty();
        }
        String[] parts = conversationKey.split(":");
        try {
            return Optional.of(Long.parseLong(parts[1]));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}

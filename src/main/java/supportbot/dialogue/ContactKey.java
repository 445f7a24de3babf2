package supportbot.dialogue;

/**
 * The one way a contact (one person's identity on one platform) is named for linking: by their user id on that
 * platform, so every conversation they have there counts; a web-chat visitor, who has no user id, by their
 * conversation. The two forms cannot collide with each other or with a conversation key.
 */
public final class ContactKey {
    private ContactKey() {
    }

    public static String of(String channel, String userId, String conversationKey) {
        return userId != null && !userId.isBlank() ? "user|" + channel + "|" + userId.strip()
                : "conversation|" + conversationKey;
    }
}

package supportbot.cluster;

/**
 * One thing an instance tells the others sharing its database. Notices are hints to look again, never data: a
 * receiver re-reads the store, so a lost notice delays an update, it does not lose one.
 *
 * @param kind    what happened
 * @param subject the conversation key, or the key id for {@link Kind#KEY_DESTROYED}; null for a change anywhere
 * @param channel for typing hints: the user's channel
 */
public record Notice(Kind kind, String subject, String channel) {
    public enum Kind {
        /** Something was committed; with a subject, in that conversation (its long polls and mirrors look again). */
        COMMITTED,
        /** A user's erasure was committed: forget what memory holds of them. */
        FORGOTTEN,
        /** An agent is typing to the user; the sender instance already showed it on the user's platform. */
        TYPING_SHOWN,
        /** An agent is typing; the sender instance cannot reach the user's platform, so whoever can should show it. */
        TYPING_UNSHOWN,
        /** A conversation key was destroyed: no instance may keep it in memory. */
        KEY_DESTROYED,
        /** Not sent by anyone: this instance may have missed notices (it lost its connection), so look at everything. */
        MISSED
    }

    public static Notice committed(String conversationKey) {
        return new Notice(Kind.COMMITTED, conversationKey, null);
    }

    public static Notice committedAnywhere() {
        return new Notice(Kind.COMMITTED, null, null);
    }

    public static Notice forgotten(String conversationKey) {
        return new Notice(Kind.FORGOTTEN, conversationKey, null);
    }

    public static Notice typing(String channel, String conversationKey, boolean shown) {
        return new Notice(shown ? Kind.TYPING_SHOWN : Kind.TYPING_UNSHOWN, conversationKey, channel);
    }

    public static Notice keyDestroyed(long keyId) {
        return new Notice(Kind.KEY_DESTROYED, Long.toString(keyId), null);
    }
}

package supportbot.store;

/**
 * A turn read its conversation at one version and another instance committed a newer one before this turn's
 * write set ran: nothing of the turn was written, and it must be run again on the fresh state.
 */
public final class ConversationChanged extends RuntimeException implements Refusal {
    public ConversationChanged() {
        super("the conversation was changed by another instance since this turn read it", null, false, false);
    }
}

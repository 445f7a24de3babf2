package supportbot.store;

/** The platform message was already handled (on any instance): the turn wrote nothing and is dropped. */
public final class DuplicateInbound extends RuntimeException implements Refusal {
    public DuplicateInbound() {
        super("platform message already handled", null, false, false);
    }
}

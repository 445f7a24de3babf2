package supportbot.desk;

import supportbot.store.Refusal;

/**
 * A refused desk request, with the HTTP status that describes it (400, 403, 404, 409). A 409 about who has the
 * ticket names the holder, so the agent who lost a race knows whom to talk to. Thrown inside a write set only
 * before anything is written, hence a {@link Refusal}.
 */
public final class DeskException extends RuntimeException implements Refusal {
    private final int status;
    private final String holder;

    public DeskException(int status, String message) {
        this(status, message, null);
    }

    DeskException(int status, String message, String holder) {
        super(message);
        this.status = status;
        this.holder = holder;
    }

    public int status() {
        return status;
    }

    /** The agent who holds the ticket, when the refusal is about that; else null. */
    public String holder() {
        return holder;
    }

    static DeskException notFound(long number) {
        return new DeskException(404, "no ticket #" + number);
    }

    static DeskException forbidden(String why) {
        return new DeskException(403, why);
    }
}

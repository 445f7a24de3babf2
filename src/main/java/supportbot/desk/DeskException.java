package supportbot.desk;

/** A refused desk request, with the HTTP status that describes it (400, 403, 404, 409). */
public final class DeskException extends RuntimeException {
    private final int status;

    public DeskException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static DeskException notFound(long number) {
        return new DeskException(404, "no ticket #" + number);
    }

    static DeskException forbidden(String why) {
        return new DeskException(403, why);
    }
}

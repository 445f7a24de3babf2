package supportbot.cli.doctor;

/**
 * One line of the doctor's report.
 *
 * @param hint what to do about it; empty when nothing needs doing
 */
public record Check(String name, Status status, String detail, String hint) {
    public enum Status { OK, WARN, FAIL, SKIP }

    public static Check ok(String name, String detail) {
        return new Check(name, Status.OK, detail, "");
    }

    public static Check skip(String name, String detail) {
        return new Check(name, Status.SKIP, detail, "");
    }

    public static Check warn(String name, String detail, String hint) {
        return new Check(name, Status.WARN, detail, hint);
    }

    public static Check fail(String name, String detail, String hint) {
        return new Check(name, Status.FAIL, detail, hint);
    }
}

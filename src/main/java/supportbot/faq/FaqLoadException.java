package supportbot.faq;

/** A broken FAQ source: names the file (and line, when known) so an editor can fix it. */
public class FaqLoadException extends RuntimeException {
    private final String file;
    private final int line;

    public FaqLoadException(String file, int line, String problem) {
        this(file, line, problem, null);
    }

    public FaqLoadException(String file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** 1-based line, or -1 when the problem is not tied to one line. */
    public int line() {
        return line;
    }
}

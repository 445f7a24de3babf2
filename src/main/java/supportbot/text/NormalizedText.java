package supportbot.text;

/**
 * A text as {@link TextNormalizer} rewrote it, with the way back: every char of {@link #text()} knows which chars
 * of the raw text it came from, so a span found in the normalised text can be cut out of the raw one.
 *
 * <p>Not a record: the offset tables are internal and must neither be shared nor compared by reference.
 */
public final class NormalizedText {
    private final String raw;
    private final String text;
    /** For each char of text: where its source starts and ends in raw. */
    private final int[] rawStarts;
    private final int[] rawEnds;

    NormalizedText(String raw, String text, int[] rawStarts, int[] rawEnds) {
        this.raw = raw;
        this.text = text;
        this.rawStarts = rawStarts;
        this.rawEnds = rawEnds;
    }

    /** The text read as it is: for a caller whose normalisation failed and that must still read something. */
    public static NormalizedText identity(String raw) {
        String text = raw == null ? "" : raw;
        int[] starts = new int[text.length()];
        int[] ends = new int[text.length()];
        for (int i = 0; i < text.length(); i++) {
            starts[i] = i;
            ends[i] = i + 1;
        }
        return new NormalizedText(text, text, starts, ends);
    }

    /** What was normalised. */
    public String raw() {
        return raw;
    }

    /** The normalised text: for reading and matching, never for storing or showing. */
    public String text() {
        return text;
    }

    /** Raw offset of the normalised char at {@code index}; raw.length() for text.length(). */
    public int rawStart(int index) {
        return index >= text.length() ? raw.length() : rawStarts[index];
    }

    /**
     * Raw offset just past the source of the normalised chars before {@code endExclusive}. At the end of the text
     * it is the end of the raw text, so invisible chars trailing a finding go with it.
     */
    public int rawEnd(int endExclusive) {
        if (endExclusive >= text.length()) {
            return raw.length();
        }
        return endExclusive <= 0 ? rawStart(0) : rawEnds[endExclusive - 1];
    }

    /** True when nothing was rewritten. */
    public boolean unchanged() {
        return raw.equals(text);
    }

    /** Nothing but whitespace and invisible chars. */
    public boolean isBlank() {
        return text.isBlank();
    }

    @Override
    public String toString() {
        return "NormalizedText[" + text.length() + " chars from " + raw.length() + "]";
    }
}

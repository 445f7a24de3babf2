package supportbot.dialogue.details;

/**
 * The message text with the parts already recognised blanked out, so that later readers do not read them
 * again: the digits of a hash are not an amount, "15" in "iPhone 15" is not a clock time. Positions stay put.
 */
final class Masked {
    private final StringBuilder text;

    Masked(String text) {
        this.text = new StringBuilder(text);
    }

    void blank(int start, int end) {
        for (int i = Math.max(0, start); i < Math.min(end, text.length()); i++) {
            text.setCharAt(i, ' ');
        }
    }

    String text() {
        return text.toString();
    }
}

package supportbot.faq;

/** What the bot should do with a search result. */
public enum Decision {
    /** Confident: show the top answer. */
    ANSWER,
    /** Unsure: offer the top 3 as "did you mean". */
    SUGGEST,
    /** Nothing fits: offer a human. */
    NONE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

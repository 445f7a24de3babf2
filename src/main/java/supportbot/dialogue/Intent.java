package supportbot.dialogue;

/**
 * What a message is for. The first group is about the conversation itself (acted on at once); the topic
 * intents say what kind of new topic a message opens (a problem that happened, a question, something support
 * cannot help with) and steer the FAQ and report paths.
 */
public enum Intent {
    CANCEL, SOLVED, SUPERVISOR, HUMAN, STATUS, CORRECTION, THANKS, GREETING, HELP, LANG_ZH, LANG_EN,
    GOODBYE, RESTART,
    COMPLAINT, URGENT, REPORT, QUESTION, OUT_OF_SCOPE;

    String configKey() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A topic intent does not act by itself: it tells a new topic how to start. */
    public boolean topic() {
        return this == COMPLAINT || this == URGENT || this == REPORT || this == QUESTION || this == OUT_OF_SCOPE;
    }

    static java.util.Optional<Intent> fromKey(String key) {
        return java.util.Arrays.stream(values()).filter(i -> i.configKey().equals(key)).findFirst();
    }
}

package supportbot.dialogue;

/** What a message is for, apart from questions and problem reports (which need the FAQ and categories). */
public enum Intent {
    CANCEL, SUPERVISOR, HUMAN, STATUS, CORRECTION, THANKS, GREETING, HELP, LANG_ZH, LANG_EN;

    String configKey() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

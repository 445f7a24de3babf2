package supportbot.channel.discord;

import java.util.List;
import supportbot.channel.TextChunks;

/** Text within Discord's limits that can never ping anyone, whatever a user or agent typed. */
final class DiscordText {
    static final int MAX_MESSAGE_CHARS = 2000;
    static final int MAX_EMBED_FIELD_CHARS = 1024;

    private DiscordText() {
    }

    /**
     * A zero-width space after every @ keeps "@everyone", "@here" and "&lt;@123&gt;" from being mentions even
     * if allowed mentions were ever misconfigured (they are also switched off on every message).
     */
    static String defuse(String text) {
        return text.replace("@", "@\u200b");
    }

    static List<String> chunks(String text) {
        return TextChunks.of(defuse(text), MAX_MESSAGE_CHARS);
    }

    static String clip(String text, int max) {
        String t = defuse(text);
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}

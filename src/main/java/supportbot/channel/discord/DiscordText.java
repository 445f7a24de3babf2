package supportbot.channel.discord;

import java.util.List;
import supportbot.channel.TextChunks;

/**
 * Text within Discord's limits, left exactly as written: no message may ping anyone because every message
 * goes out with allowed mentions set to none ({@link DiscordSender#base()}), so "@" needs no defusing, and
 * agents' and users' data (an email on the card) copies exactly.
 */
final class DiscordText {
    static final int MAX_MESSAGE_CHARS = 2000;
    static final int MAX_EMBED_FIELD_CHARS = 1024;

    private DiscordText() {
    }

    static List<String> chunks(String text) {
        return TextChunks.of(text, MAX_MESSAGE_CHARS);
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

package supportbot.channel.discord;

import java.util.Optional;

/**
 * Conversation keys of Discord users: "discord:dm:&lt;user&gt;" for direct messages and
 * "discord:thread:&lt;thread&gt;" for the private thread the bot opened for a user from the support channel.
 */
public final class DiscordKeys {
    public static final String CHANNEL = "discord";

    private DiscordKeys() {
    }

    public static String dm(long userId) {
        return CHANNEL + ":dm:" + userId;
    }

    public static String thread(long threadId) {
        return CHANNEL + ":thread:" + threadId;
    }

    /** A place to send to: a DM with a user, or a thread channel. */
    public record Target(boolean dm, long id) {
    }

    public static Optional<Target> targetOf(String key) {
        if (key == null) {
            return Optional.empty();
        }
        try {
            if (key.startsWith(CHANNEL + ":dm:")) {
                return Optional.of(new Target(true, Long.parseLong(key.substring((CHANNEL + ":dm:").length()))));
            }
            if (key.startsWith(CHANNEL + ":thread:")) {
                return Optional.of(new Target(false, Long.parseLong(key.substring((CHANNEL + ":thread:").length()))));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}

package supportbot.dialogue;

/**
 * Who the user is on their platform, as it said at their latest message: shown to staff on the ticket card so
 * agents know whom they are helping. User data like the rest of the conversation: stored with it (sealed under
 * its key) and erased with it by /forget and retention; never logged.
 *
 * @param name       the display name (Telegram first and last name, Discord global name); may be null
 * @param username   the handle without "@" (Telegram @username, Discord username); null when the user has none
 * @param platformId the platform's numeric user id, as text
 */
public record Contact(String name, String username, String platformId) {
    public Contact {
        name = blankToNull(name);
        username = blankToNull(username);
        platformId = blankToNull(platformId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

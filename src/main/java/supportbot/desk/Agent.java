package supportbot.desk;

/**
 * A person on the desk, as configured. Only a hash of their token is ever held.
 *
 * @param tokenSha256    for the HTTP desk; null for an agent who works only in a chat app
 * @param telegramUserId who they are in the Telegram staff group, or null
 */
public record Agent(String name, Role role, String tokenSha256, Long telegramUserId) {
    public Agent(String name, Role role, String tokenSha256) {
        this(name, role, tokenSha256, null);
    }

    public boolean supervisor() {
        return role == Role.SUPERVISOR;
    }
}

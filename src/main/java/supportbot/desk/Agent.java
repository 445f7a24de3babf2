package supportbot.desk;

/** A person on the desk, as configured. Only a hash of their token is ever held. */
public record Agent(String name, Role role, String tokenSha256) {
    public boolean supervisor() {
        return role == Role.SUPERVISOR;
    }
}

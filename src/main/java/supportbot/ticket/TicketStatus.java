package supportbot.ticket;

/** Where a ticket is in its life: queued → assigned → waiting-user → resolved → closed. */
public enum TicketStatus {
    QUEUED, ASSIGNED, WAITING_USER, RESOLVED, CLOSED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static java.util.Optional<TicketStatus> parse(String label) {
        return java.util.Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }

    public boolean open() {
        return this != RESOLVED && this != CLOSED;
    }
}

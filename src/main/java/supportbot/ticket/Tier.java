package supportbot.ticket;

/** Who may work a ticket: any agent, or (after an escalation) supervisors only. */
public enum Tier {
    AGENT, SUPERVISOR
}

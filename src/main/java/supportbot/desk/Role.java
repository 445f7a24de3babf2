package supportbot.desk;

/** What an agent may do: agents work the agent tier; supervisors also take escalations and others' tickets. */
public enum Role {
    AGENT, SUPERVISOR
}

package supportbot.dialogue;

/**
 * What a complaint is about, as fields a supervisor can sort and count by rather than only in the user's words.
 * Each part is null when the user did not give it.
 *
 * @param agent        the agent's name as the staff directory knows it (the user may have written their code)
 * @param ticketNumber the earlier ticket the complaint is about
 * @param time         when it happened, as the time detail stores it ("2026-11-24T15:00+08:00")
 */
public record Complaint(String agent, Long ticketNumber, String time) {
    public boolean empty() {
        return agent == null && ticketNumber == null && time == null;
    }
}

package supportbot.dialogue;

import java.time.Instant;

/**
 * Something the desk did that the user must hear about. It goes through the same inbox lane as the user's
 * own messages, so the conversation sees it in order and the state it changes stays the engine's.
 */
public record DeskEvent(String channel, String conversationKey, long ticketNumber, Kind kind, String agent, String text,
                        Instant time) {
    public enum Kind { AGENT_REPLY, RESOLVED, REOPENED, ESCALATED }
}

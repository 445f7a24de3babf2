package supportbot.dialogue;

import java.util.List;

/** The result of one inbound: the conversation's next state and what to do. Stored together, atomically. */
public record Turn(Conversation conversation, List<Action> actions) {
    public Turn {
        actions = List.copyOf(actions);
    }
}

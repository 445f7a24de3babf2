package supportbot.dialogue;

/** Where a conversation stands. */
public enum Phase {
    /** Nothing in progress: the next message is a question, a report or a command. */
    IDLE,
    /** An FAQ answer was shown with "solved" / "still need help" buttons. */
    FAQ_OFFERED,
    /** "Did you mean" options are showing. */
    SUGGESTED,
    /** Asking for the details of a problem, one at a time. */
    COLLECTING,
    /** The summary is showing with confirm / edit / cancel. */
    CONFIRMING,
    /** Choosing which detail to edit. */
    CHOOSING_EDIT,
    /** A ticket is open; messages go to it. */
    WITH_TICKET,
    /** The agent asked for one more detail; the bot is collecting it for the open ticket. */
    AGENT_ASKED,
    /** The ticket was resolved; asking how the service was. */
    RATING
}

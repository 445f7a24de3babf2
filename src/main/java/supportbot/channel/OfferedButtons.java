package supportbot.channel;

import supportbot.dialogue.Inbound;
import supportbot.store.StoredConversation;

/**
 * A button press counts only when this conversation was offered that payload: the buttons of the bot's
 * latest turn that had any are stored with the conversation's state. Surfaces that sign their button data
 * (Telegram, Discord) check the signature first; this check is the one every surface shares, web chat included.
 */
final class OfferedButtons {
    /** What the transcript keeps for a refused press: never the payload itself. */
    static final String REFUSED_NOTE = "(pressed a button that is no longer valid)";

    private OfferedButtons() {
    }

    static boolean offered(StoredConversation stored, String payload) {
        return stored != null && payload != null
                && stored.lastButtons().stream().anyMatch(b -> b.payload().equals(payload));
    }

    static Inbound withoutPayload(Inbound in) {
        return new Inbound(in.channel(), in.conversationKey(), in.userId(), REFUSED_NOTE, java.util.List.of(), null,
                in.platformMessageId(), in.time(), in.publicPlace());
    }
}

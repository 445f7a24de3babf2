package supportbot.store;

import java.util.ArrayList;
import java.util.List;
import supportbot.dialogue.Button;
import supportbot.dialogue.Contact;
import supportbot.dialogue.Conversation;

/**
 * A conversation as stored: the engine's state plus the platform message ids it handled lately. Keeping them
 * in one record makes the duplicate check and the state one read and one write per message; platforms
 * redeliver recent updates, so a window of recent ids per conversation is enough.
 */
public record StoredConversation(Conversation conversation, List<String> seenMessageIds, List<Button> lastButtons,
                                 Contact contact) {
    public static final int SEEN_WINDOW = 50;

    public StoredConversation {
        seenMessageIds = seenMessageIds == null ? List.of() : List.copyOf(seenMessageIds);
        lastButtons = lastButtons == null ? List.of() : List.copyOf(lastButtons);
    }

    public StoredConversation(Conversation conversation, List<String> seenMessageIds, List<Button> lastButtons) {
        this(conversation, seenMessageIds, lastButtons, null);
    }

    /** Who the user is on their platform now; a message without one (web chat, a timer) keeps the last known. */
    public StoredConversation from(Contact who) {
        return who == null || who.equals(contact) ? this : new StoredConversation(conversation, seenMessageIds, lastButtons, who);
    }

    /** What the user saw on the button with this payload, so the transcript reads like the conversation did. */
    public String labelOf(String payload) {
        // Never the payload itself: one that was not offered may hold anything the client put in it.
        return lastButtons.stream().filter(b -> b.payload().equals(payload)).map(Button::label).findFirst()
                .orElse("[button]");
    }

    public boolean hasSeen(String platformMessageId) {
        return platformMessageId != null && seenMessageIds.contains(platformMessageId);
    }

    /**
     * The next stored record: {@code next} state, this message's id added to the window, and the buttons now
     * on screen (empty {@code shownButtons} keeps the previous ones: a reply without buttons hides none).
     */
    public StoredConversation after(Conversation next, String platformMessageId, List<Button> shownButtons) {
        List<Button> buttons = shownButtons.isEmpty() ? lastButtons : shownButtons;
        if (platformMessageId == null) {
            return new StoredConversation(next, seenMessageIds, buttons, contact);
        }
        var ids = new ArrayList<>(seenMessageIds);
        ids.add(platformMessageId);
        while (ids.size() > SEEN_WINDOW) {
            ids.remove(0);
        }
        return new StoredConversation(next, ids, buttons, contact);
    }
}

package supportbot.store;

import java.time.Instant;

/**
 * One contact's membership of a person: the link set that joins the same human across platforms.
 *
 * @param contact         the contact's {@link supportbot.dialogue.ContactKey}
 * @param person          the link set's id; every contact with the same one is the same human
 * @param channel         the contact's platform
 * @param conversationKey the conversation the contact was linked from, to read their name, language and zone
 * @param linkedBy        "user" when they linked themselves with a code, otherwise the agent's name
 */
public record ContactLink(String contact, String person, String channel, String conversationKey, Instant linkedAt,
                          String linkedBy) {

    /** The same link as made at another moment. */
    public ContactLink withAt(Instant at) {
        return new ContactLink(contact, person, channel, conversationKey, at, linkedBy);
    }
}

package supportbot.store;

import java.time.Instant;

/**
 * A one-time code a user asked for with /link, waiting to be sent from another platform. Stored under the code's
 * hash, so neither the store nor a copy of it shows a code that could still be used.
 *
 * @param contact         the contact that asked (its {@link supportbot.dialogue.ContactKey})
 * @param conversationKey where they asked
 */
public record LinkCode(String contact, String channel, String conversationKey, Instant expiresAt) {
    public boolean validAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}

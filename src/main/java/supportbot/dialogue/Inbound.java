package supportbot.dialogue;

import java.time.Instant;
import java.util.List;

/**
 * One thing a user did, as any connector reports it: a text message, attachments, or a button press.
 * Nothing platform-specific passes this line.
 *
 * @param conversationKey stable per user and place, e.g. "telegram:12345" or "web:3f2a…"
 * @param button          payload of a pressed button, or null
 * @param platformMessageId the platform's id for this update, used to drop duplicate deliveries
 * @param publicPlace       said in a group or public channel: personal details must not be collected there
 * @param contact           who the user is on the platform at this message, for staff cards; null when unknown
 */
public record Inbound(String channel, String conversationKey, String userId, String text, List<Attachment> attachments,
                      String button, String platformMessageId, Instant time, boolean publicPlace, Contact contact) {
    public Inbound {
        text = text == null ? "" : text;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Inbound(String channel, String conversationKey, String userId, String text, List<Attachment> attachments,
                   String button, String platformMessageId, Instant time, boolean publicPlace) {
        this(channel, conversationKey, userId, text, attachments, button, platformMessageId, time, publicPlace, null);
    }

    public Inbound(String channel, String conversationKey, String userId, String text, List<Attachment> attachments,
                   String button, String platformMessageId, Instant time) {
        this(channel, conversationKey, userId, text, attachments, button, platformMessageId, time, false);
    }

    public Inbound inPublic() {
        return new Inbound(channel, conversationKey, userId, text, attachments, button, platformMessageId, time, true, contact);
    }

    public Inbound from(Contact who) {
        return new Inbound(channel, conversationKey, userId, text, attachments, button, platformMessageId, time, publicPlace, who);
    }

    public static Inbound text(String channel, String key, String userId, String text, String messageId, Instant time) {
        return new Inbound(channel, key, userId, text, List.of(), null, messageId, time);
    }

    public static Inbound button(String channel, String key, String userId, String payload, String messageId, Instant time) {
        return new Inbound(channel, key, userId, "", List.of(), payload, messageId, time);
    }

    public boolean isButton() {
        return button != null;
    }
}

package supportbot.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import supportbot.dialogue.details.DetailType;
import supportbot.dialogue.details.DetailValue;
import supportbot.faq.Lang;

/**
 * What an agent receives: everything the bot learnt, so nobody asks the user twice.
 *
 * @param reason   why it opened: "confirmed" (summary confirmed), "human" (user asked for a person), …
 * @param priority  1 is most urgent
 * @param complaint who and what a complaint is about; null for every other ticket
 */
public record TicketDraft(long number, String channel, String conversationKey, String userId, String categoryId,
                          int priority, boolean urgent, String reason, Lang lang, Map<DetailType, DetailValue> details,
                          List<String> faqTried, Instant openedAt, List<Attachment> attachments, Complaint complaint) {
    public TicketDraft {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        details = Map.copyOf(details);
        faqTried = List.copyOf(faqTried);
    }

    /** Not a complaint. */
    public TicketDraft(long number, String channel, String conversationKey, String userId, String categoryId, int priority,
                       boolean urgent, String reason, Lang lang, Map<DetailType, DetailValue> details, List<String> faqTried,
                       Instant openedAt, List<Attachment> attachments) {
        this(number, channel, conversationKey, userId, categoryId, priority, urgent, reason, lang, details, faqTried,
                openedAt, attachments, null);
    }

    public TicketDraft(long number, String channel, String conversationKey, String userId, String categoryId, int priority,
                       boolean urgent, String reason, Lang lang, Map<DetailType, DetailValue> details, List<String> faqTried,
                       Instant openedAt) {
        this(number, channel, conversationKey, userId, categoryId, priority, urgent, reason, lang, details, faqTried,
                openedAt, List.of());
    }

    /** The same ticket with other details (an agent asked for one more); everything else, the complaint too, stays. */
    public TicketDraft withDetails(Map<DetailType, DetailValue> newDetails) {
        return new TicketDraft(number, channel, conversationKey, userId, categoryId, priority, urgent, reason, lang,
                newDetails, faqTried, openedAt, attachments, complaint);
    }
}

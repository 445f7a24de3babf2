package supportbot.dialogue;

import java.util.List;
import supportbot.faq.Lang;

/** Everything the engine can ask the world to do. Connectors and the store act on these; the engine never does. */
public sealed interface Action {

    /** A message to the user in their own channel. */
    record Reply(String channel, String conversationKey, String text, List<Button> buttons) implements Action {
        public Reply {
            buttons = List.copyOf(buttons);
        }
    }

    /** An agent's reply to the user, in the user's own channel: text, files, or both. */
    record AgentMessage(String channel, String conversationKey, String agent, String text, List<Attachment> attachments)
            implements Action {
        public AgentMessage {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        public AgentMessage(String channel, String conversationKey, String agent, String text) {
            this(channel, conversationKey, agent, text, List.of());
        }
    }

    /** The user asked for a supervisor while the ticket was open. */
    record EscalateTicket(long ticketNumber, String reason) implements Action {
    }

    /** A detail the agent asked for, collected and validated by the bot. */
    record TicketDetail(long ticketNumber, supportbot.dialogue.details.DetailValue value, List<Attachment> attachments)
            implements Action {
        public TicketDetail {
            attachments = List.copyOf(attachments);
        }
    }

    /** A new ticket from collected details; the desk queues and routes it. */
    record OpenTicket(TicketDraft ticket) implements Action {
    }

    /** A user message that belongs to an open ticket. */
    record AppendToTicket(long ticketNumber, String conversationKey, String text, List<Attachment> attachments)
            implements Action {
        public AppendToTicket {
            attachments = List.copyOf(attachments);
        }
    }

    /** The user's rating of a resolved ticket: 1–5 stars, the weakest aspect, an optional comment. */
    record Rating(long ticketNumber, int stars, String weakest, String comment) implements Action {
    }

    /** "This solved it" / "I still need help" on an FAQ answer. */
    record FaqVote(String faqId, boolean helpful) implements Action {
    }

    /**
     * The user confirmed /forget: erase their conversation, transcript and files, and the personal fields of
     * their tickets. The ticket numbers and statuses stay for the desk's statistics.
     */
    record Forget(String conversationKey) implements Action {
    }

    /** The user asked for a copy of everything kept about them (/export); the channel delivers it as a file. */
    record Export(String channel, String conversationKey, String caption) implements Action {
    }

    /**
     * The user asked for the conversation as a file (/transcript, or the button offered when a ticket is
     * resolved); the channel builds it from the stored, already redacted lines when it sends it.
     */
    record Transcript(String channel, String conversationKey, String caption) implements Action {
    }

    /** A question the FAQ had no answer for: material for new FAQ topics. */
    record KnowledgeGap(String query, Lang lang) implements Action {
    }

    /**
     * The user asked for a one-time link code (/link): it is stored when this turn commits, under its hash.
     *
     * @param contact the asking contact's {@link ContactKey}
     */
    record IssueLinkCode(String code, String contact, String channel, String conversationKey, java.time.Instant expiresAt)
            implements Action {
    }

    /**
     * The user sent another contact's code (/link CODE): the code is used up and the two contacts become one person,
     * provided the code is still there when this turn commits.
     */
    record RedeemLinkCode(String code, String contact, String channel, String conversationKey, java.time.Instant at)
            implements Action {
    }
}

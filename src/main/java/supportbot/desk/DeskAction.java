package supportbot.desk;

/** What an agent can do to a ticket. */
public sealed interface DeskAction {
    record Claim() implements DeskAction {
    }

    /**
     * Text, files (sealed under the user's conversation), or both.
     * @param faqId the FAQ topic the agent inserted through agent assist, or null: counted as FAQ usage
     */
    record Reply(String text, java.util.List<supportbot.dialogue.Attachment> attachments, String faqId) implements DeskAction {
        public Reply {
            attachments = attachments == null ? java.util.List.of() : java.util.List.copyOf(attachments);
        }

        public Reply(String text) {
            this(text, java.util.List.of(), null);
        }

        public Reply(String text, java.util.List<supportbot.dialogue.Attachment> attachments) {
            this(text, attachments, null);
        }

        public Reply(String text, String faqId) {
            this(text, java.util.List.of(), faqId);
        }
    }

    /** A saved reply by name, filled in for this ticket and sent as a reply (the staff "/r name" command). */
    record SavedReply(String name) implements DeskAction {
    }

    /** Adds ({@code add}) or removes a label; labels are kept as events, so each change is audited. */
    record Label(String label, boolean add) implements DeskAction {
    }

    /** Sets the ticket's queue priority, 1 (most urgent) to 4. */
    record Prioritise(int priority) implements DeskAction {
    }

    record Note(String text) implements DeskAction {
    }

    record Resolve() implements DeskAction {
    }

    record Reopen() implements DeskAction {
    }

    record Escalate(String reason) implements DeskAction {
    }

    record Transfer(String agent) implements DeskAction {
    }

    /** Ask the user for one detail (a detail type key such as "tx_hash"); the bot collects and validates it. */
    record Ask(String detail) implements DeskAction {
    }

    /** The ticket's user may no longer write to the bot (abuse); their messages are dropped unread. */
    record Ban(String reason) implements DeskAction {
    }

    record Unban() implements DeskAction {
    }

    /** This ticket is a duplicate of the same user's open ticket {@code into}: carry it over there and close it. */
    record Merge(long into) implements DeskAction {
    }

    default String type() {
        return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}

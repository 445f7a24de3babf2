package supportbot.desk;

/** What an agent can do to a ticket. */
public sealed interface DeskAction {
    record Claim() implements DeskAction {
    }

    /** Text, files (sealed under the user's conversation), or both. */
    record Reply(String text, java.util.List<supportbot.dialogue.Attachment> attachments) implements DeskAction {
        public Reply {
            attachments = attachments == null ? java.util.List.of() : java.util.List.copyOf(attachments);
        }

        public Reply(String text) {
            this(text, java.util.List.of());
        }
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

    default String type() {
        return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}

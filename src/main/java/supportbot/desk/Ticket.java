package supportbot.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import supportbot.dialogue.TicketDraft;

/** A ticket as the desk keeps it: what the bot collected, where it stands, and everything that happened. */
public record Ticket(TicketDraft draft, TicketStatus status, Tier tier, String assignee, List<TicketEvent> events) {
    public Ticket {
        events = List.copyOf(events);
    }

    public static Ticket open(TicketDraft draft) {
        Tier tier = draft.reason().equals("complaint") ? Tier.SUPERVISOR : Tier.AGENT;
        return new Ticket(draft, TicketStatus.QUEUED, tier, null,
                List.of(new TicketEvent(draft.openedAt(), "bot", "opened", draft.reason())));
    }

    public long number() {
        return draft.number();
    }

    public Ticket with(TicketStatus newStatus, Tier newTier, String newAssignee, TicketEvent event) {
        var all = new ArrayList<>(events);
        all.add(event);
        return new Ticket(draft, newStatus, newTier, newAssignee, all);
    }

    public Ticket withEvent(TicketEvent event) {
        return with(status, tier, assignee, event);
    }

    public Instant openedAt() {
        return draft.openedAt();
    }
}

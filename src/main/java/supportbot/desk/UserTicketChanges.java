package supportbot.desk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import supportbot.dialogue.Action;
import supportbot.dialogue.Attachment;
import supportbot.store.Store;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketRating;
import supportbot.ticket.TicketStatus;
import supportbot.ticket.Tier;

/**
 * What a user's turn does to their ticket: opening it, writing to it, escalating, adding a detail, rating. These
 * are ticket rules, so they live in the desk; the inbox only commits the writes with the rest of the turn.
 */
public final class UserTicketChanges {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UserTicketChanges.class);

    private UserTicketChanges() {
    }

    /** The ticket write for {@code action}, or empty when the action does not touch a ticket. */
    public static Optional<Consumer<Store.Tx>> of(Action action, Instant time) {
        if (action instanceof Action.OpenTicket o) {
            return Optional.of(tx -> tx.saveTicket(Ticket.open(o.ticket())));
        } else if (action instanceof Action.AppendToTicket a) {
            return Optional.of(tx -> tx.updateTicket(a.ticketNumber(), t -> userWrote(t, a.text(), a.attachments(), time)));
        } else if (action instanceof Action.EscalateTicket e) {
            return Optional.of(tx -> tx.updateTicket(e.ticketNumber(), t -> t.with(TicketStatus.QUEUED, Tier.SUPERVISOR, null,
                    new TicketEvent(time, "user", TicketEvent.Type.ESCALATED, e.reason()))));
        } else if (action instanceof Action.TicketDetail d) {
            return Optional.of(tx -> tx.updateTicket(d.ticketNumber(), t -> t.withDetail(d.value(), d.attachments(), time)));
        } else if (action instanceof Action.Rating r) {
            if (r.stars() <= 2) {
                log.warn("bad rating {}★ on ticket #{} (weakest: {}): supervisors should look", r.stars(), r.ticketNumber(),
                        r.weakest());
            }
            return Optional.of(tx -> tx.updateTicket(r.ticketNumber(), t -> t.rated(new TicketRating(r.stars(), r.weakest(),
                    r.comment(), time))));
        }
        return Optional.empty();
    }

    /** The user's message is with the agent again; a ticket closed for lack of an answer reopens. */
    static Ticket userWrote(Ticket t, String text, List<Attachment> attachments, Instant time) {
        Ticket reopened = t.status() == TicketStatus.CLOSED
                ? t.with(t.assignee() == null ? TicketStatus.QUEUED : TicketStatus.ASSIGNED, t.tier(), t.assignee(),
                        new TicketEvent(time, "user", TicketEvent.Type.REOPENED, null))
                : t;
        TicketStatus next = reopened.status() == TicketStatus.WAITING_USER ? TicketStatus.ASSIGNED : reopened.status();
        return reopened.with(next, reopened.tier(), reopened.assignee(), new TicketEvent(time, "user", TicketEvent.Type.USER_MESSAGE, text,
                attachments));
    }
}

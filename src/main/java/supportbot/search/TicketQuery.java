package supportbot.search;

import java.time.Instant;
import java.util.Optional;
import supportbot.ticket.Ticket;
import supportbot.ticket.TicketStatus;

/**
 * One desk search: words to find (may be empty: filters only) and filters that all must hold.
 *
 * @param from inclusive, @param to exclusive: opening times
 */
public record TicketQuery(String text, Optional<TicketStatus> status, String category, String agent, Instant from,
                          Instant to, String label) {
    public TicketQuery {
        text = text == null ? "" : text.strip();
    }

    boolean accepts(Ticket t) {
        return status.map(s -> t.status() == s).orElse(true)
                && (category == null || category.equals(t.draft().categoryId()))
                && (agent == null || agent.equals(t.assignee()))
                && (from == null || !t.openedAt().isBefore(from))
                && (to == null || t.openedAt().isBefore(to))
                && (label == null || t.labels().contains(label.strip().toLowerCase(java.util.Locale.ROOT)));
    }
}

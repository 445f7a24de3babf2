package supportbot.desk;

import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The instants that start and stop a ticket's SLA clocks, read from its events in time order as of one
 * instant: later events have not happened yet, so the same ticket can be judged at any past moment.
 *
 * @param waitingSince the user's oldest message that no agent reply has answered yet (after the first reply,
 *                     while not resolved); null when nobody is waiting on an agent. The oldest, not the
 *                     latest: a user who writes again must not push the agent's deadline back.
 * @param resolutionStart opening, or the latest "reopened"
 * @param resolvedAt   the "resolved" (or "closed") that stopped the current resolution clock, or null
 */
record SlaTimeline(Instant openedAt, Instant firstReplyAt, Instant waitingSince, Instant resolutionStart,
                   Instant resolvedAt) {

    static SlaTimeline of(Ticket ticket, Instant asOf) {
        Instant opened = ticket.openedAt();
        Instant firstReply = null;
        Instant waiting = null;
        Instant resolutionStart = opened;
        Instant resolved = null;
        List<TicketEvent> events = ticket.events().stream().sorted(Comparator.comparing(TicketEvent::at)).toList();
        for (TicketEvent e : events) {
            if (e.at().isBefore(opened) || e.at().isAfter(asOf)) {
                continue;
            }
            switch (e.type()) {
                case REPLY -> {
                    firstReply = firstReply == null ? e.at() : firstReply;
                    waiting = null;
                }
                case USER_MESSAGE -> {
                    // Before the first reply the first-response clock already covers the user's messages.
                    if (firstReply != null && resolved == null && waiting == null) {
                        waiting = e.at();
                    }
                }
                case RESOLVED, CLOSED -> {
                    resolved = resolved == null ? e.at() : resolved;
                    waiting = null;
                }
                case REOPENED -> {
                    resolutionStart = e.at();
                    resolved = null;
                }
                default -> {
                    // claimed, note, escalated, transferred …: internal, no clock starts or stops.
                }
            }
        }
        return new SlaTimeline(opened, firstReply, waiting, resolutionStart, resolved);
    }
}

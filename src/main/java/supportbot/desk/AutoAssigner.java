package supportbot.desk;

import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketStatus;
import supportbot.ticket.Tier;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import supportbot.store.Store;

/**
 * Hands queued agent-tier tickets, in queue order, to the agent carrying the fewest open tickets, as long
 * as they are under capacity. Ties go to whoever was assigned longest ago, so work goes round.
 */
public final class AutoAssigner {
    private final List<Agent> agents;
    private final int capacity;

    public AutoAssigner(List<Agent> agents, int capacity) {
        this.agents = agents.stream().filter(a -> !a.supervisor()).toList();
        this.capacity = capacity;
    }

    /** @return how many tickets were assigned; each assignment goes through {@code apply} */
    public int assign(List<Ticket> tickets, Instant now, Consumer<Assignment> apply) {
        if (agents.isEmpty()) {
            return 0;
        }
        Map<String, Integer> load = new HashMap<>();
        Map<String, Instant> lastAssigned = new HashMap<>();
        for (Ticket t : tickets) {
            if (t.assignee() != null && t.status().open()) {
                load.merge(t.assignee(), 1, Integer::sum);
            }
            t.events().stream().filter(e -> e.type() == TicketEvent.Type.CLAIMED || e.type() == TicketEvent.Type.ASSIGNED)
                    .forEach(e -> lastAssigned.merge(e.actor().equals("bot") ? e.text() : e.actor(), e.at(),
                            (a, b) -> a.isAfter(b) ? a : b));
        }
        int assigned = 0;
        for (Ticket t : tickets.stream().filter(t -> t.status() == TicketStatus.QUEUED && t.tier() == Tier.AGENT)
                .sorted(DeskQueue.ORDER).toList()) {
            Optional<Agent> next = agents.stream().filter(a -> load.getOrDefault(a.name(), 0) < capacity)
                    .min(Comparator.comparingInt((Agent a) -> load.getOrDefault(a.name(), 0))
                            .thenComparing(a -> lastAssigned.getOrDefault(a.name(), Instant.EPOCH)));
            if (next.isEmpty()) {
                break;
            }
            String name = next.get().name();
            apply.accept(new Assignment(t.number(), name));
            load.merge(name, 1, Integer::sum);
            lastAssigned.put(name, now);
            assigned++;
        }
        return assigned;
    }

    public record Assignment(long ticketNumber, String agent) {
    }
}

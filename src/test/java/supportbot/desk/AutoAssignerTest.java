package supportbot.desk;

import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketStatus;
import supportbot.ticket.Tier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import supportbot.dialogue.TicketDraft;
import supportbot.faq.Lang;

class AutoAssignerTest {
    private static final Instant T0 = Instant.parse("2026-11-25T06:00:00Z");
    private static final List<Agent> AGENTS = List.of(new Agent("alice", Role.AGENT, "a"), new Agent("bob", Role.AGENT, "b"),
            new Agent("sue", Role.SUPERVISOR, "s"));

    private static Ticket queued(long n, int priority, int minute) {
        return Ticket.open(new TicketDraft(n, "web", "web:" + n, "u", "other", priority, false, "confirmed", Lang.EN,
                Map.of(), List.of(), T0.plusSeconds(60L * minute)));
    }

    @Test
    void queuedTicketsGoInQueueOrderToTheLeastLoadedAgentUpToCapacity() {
        Ticket alreadyAlices = queued(1, 3, 0).with(TicketStatus.ASSIGNED, Tier.AGENT, "alice",
                new TicketEvent(T0, "alice", TicketEvent.Type.CLAIMED, null));
        var tickets = List.of(alreadyAlices, queued(2, 3, 5), queued(3, 1, 9), queued(4, 2, 1), queued(5, 3, 2), queued(6, 4, 0));
        var assignments = new ArrayList<AutoAssigner.Assignment>();
        int n = new AutoAssigner(AGENTS, 2).assign(tickets, T0.plusSeconds(3600), assignments::add);
        assertEquals(3, n, "capacity 2 each, alice already carries one");
        assertEquals(List.of(new AutoAssigner.Assignment(3, "bob"), new AutoAssigner.Assignment(4, "alice"),
                new AutoAssigner.Assignment(5, "bob")), assignments);
    }

    @Test
    void escalatedTicketsAndSupervisorsAreLeftOut() {
        Ticket escalated = queued(1, 1, 0).with(TicketStatus.QUEUED, Tier.SUPERVISOR, null,
                new TicketEvent(T0, "alice", TicketEvent.Type.ESCALATED, "angry"));
        var assignments = new ArrayList<AutoAssigner.Assignment>();
        new AutoAssigner(List.of(new Agent("sue", Role.SUPERVISOR, "s")), 5).assign(List.of(escalated, queued(2, 3, 0)), T0,
                assignments::add);
        assertEquals(List.of(), assignments);
    }
}

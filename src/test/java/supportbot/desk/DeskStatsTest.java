package supportbot.desk;

import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketStatus;
import supportbot.ticket.TicketRating;
import supportbot.ticket.Tier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import supportbot.dialogue.TicketDraft;
import supportbot.faq.Lang;

class DeskStatsTest {
    private static final Instant T0 = Instant.parse("2026-11-25T06:00:00Z");

    static Ticket ticket(long n, String reason) {
        return Ticket.open(new TicketDraft(n, "web", "web:" + n, "u" + n, "other", 3, false, reason, Lang.EN, Map.of(), List.of(), T0));
    }

    private static TicketEvent at(int minutes, String actor, String type) {
        return new TicketEvent(T0.plusSeconds(60L * minutes), actor, TicketEvent.Type.ofLabel(type), null);
    }

    @Test
    void timesRatesAndSatisfactionComeFromTheTickets() {
        Ticket fast = ticket(1, "confirmed")
                .with(TicketStatus.WAITING_USER, Tier.AGENT, "alice", at(10, "alice", "reply"))
                .with(TicketStatus.RESOLVED, Tier.AGENT, "alice", at(30, "alice", "resolved"))
                .rated(new TicketRating(5, null, null, T0.plusSeconds(3600)));
        Ticket slow = ticket(2, "human")
                .with(TicketStatus.WAITING_USER, Tier.AGENT, "bob", at(50, "bob", "reply"))
                .with(TicketStatus.QUEUED, Tier.SUPERVISOR, null, at(60, "bob", "escalated"))
                .withEvent(at(61, "bot", "sla-breach"))
                .with(TicketStatus.RESOLVED, Tier.SUPERVISOR, "sue", at(90, "sue", "resolved"))
                .rated(new TicketRating(2, "speed", "too slow", T0.plusSeconds(6000)));
        Ticket waiting = ticket(3, "confirmed");

        StatsReport r = DeskStats.compute(List.of(fast, slow, waiting), 6, 2);
        assertEquals(3, r.tickets());
        assertEquals(1, r.openTickets());
        assertEquals(10.0, r.firstResponseMedianMinutes());
        assertEquals(50.0, r.firstResponseP90Minutes());
        assertEquals(30.0, r.resolutionMedianMinutes());
        assertEquals(6.0 / 9, r.deflectionRate(), 1e-9);
        assertEquals(1.0 / 3, r.escalationRate(), 1e-9);
        assertEquals(1, r.slaBreaches());
        assertEquals(3.5, r.csatAverage());
        assertEquals(0.5, r.csatSatisfiedShare());
    }

    @Test
    void theQueueRunsByPriorityThenAge() {
        Ticket oldLow = DeskStatsTest.ticket(1, "confirmed");
        Ticket newHigh = withPriority(2, 2, T0.plusSeconds(600));
        Ticket oldHigh = withPriority(3, 2, T0.plusSeconds(60));
        var sorted = new java.util.ArrayList<>(List.of(oldLow, newHigh, oldHigh));
        sorted.sort(DeskQueue.ORDER);
        assertEquals(List.of(3L, 2L, 1L), sorted.stream().map(Ticket::number).toList());
    }

    private static Ticket withPriority(long n, int priority, Instant opened) {
        return Ticket.open(new TicketDraft(n, "web", "web:" + n, "u", "other", priority, false, "confirmed", Lang.EN, Map.of(),
                List.of(), opened));
    }

    @Test
    void nothingMeasuredYetIsNullNotZero() {
        StatsReport r = DeskStats.compute(List.of(), 0, 0);
        assertNull(r.firstResponseMedianMinutes());
        assertNull(r.deflectionRate());
        assertNull(r.csatAverage());
    }

    @Test
    void knowledgeGapsGroupTheSameQuestionAndCountIt() {
        var gaps = KnowledgeGaps.group(List.of("How do I stake TON?", "how do i stake ton", "什么是空投？", "什么是空投", "How do I stake TON"));
        assertEquals(new KnowledgeGaps.Gap("How do I stake TON?", 3), gaps.get(0));
        assertEquals(new KnowledgeGaps.Gap("什么是空投？", 2), gaps.get(1));
    }
}

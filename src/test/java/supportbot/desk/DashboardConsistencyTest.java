package supportbot.desk;

import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketStatus;
import supportbot.ticket.TicketRating;
import supportbot.ticket.Tier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import supportbot.dialogue.TicketDraft;
import supportbot.faq.Lang;
import supportbot.store.GroupCommitter;
import supportbot.store.Store;

/**
 * Every dashboard number two ways: the summary tile against the sum of its per-day chart, and both against a
 * count made here from the seeded store. The tickets cover each way a ticket reaches supervisors.
 */
class DashboardConsistencyTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dir;

    private static Ticket opened(long n, String reason, int day) {
        return Ticket.open(new TicketDraft(n, "web", "web:" + n, "u" + n, "other", 3, false, reason, Lang.EN, Map.of(), List.of(),
                T0.plusSeconds(86400L * day)));
    }

    private static TicketEvent at(Ticket t, int minutes, String actor, String type) {
        return new TicketEvent(t.openedAt().plusSeconds(60L * minutes), actor, TicketEvent.Type.ofLabel(type), null);
    }

    private List<Ticket> seeded() {
        Ticket plain = opened(1, "confirmed", 0);
        plain = plain.with(TicketStatus.WAITING_USER, Tier.AGENT, "alice", at(plain, 5, "alice", "reply"))
                .with(TicketStatus.RESOLVED, Tier.AGENT, "alice", at(plain, 20, "alice", "resolved"))
                .rated(new TicketRating(5, null, null, plain.openedAt().plusSeconds(3000)));
        Ticket byHand = opened(2, "human", 1);
        byHand = byHand.with(TicketStatus.QUEUED, Tier.SUPERVISOR, null, at(byHand, 30, "bob", "escalated"));
        Ticket complaint = opened(3, "complaint", 1);
        Ticket missedSla = opened(4, "confirmed", 2);
        missedSla = missedSla.with(TicketStatus.QUEUED, Tier.SUPERVISOR, null, at(missedSla, 300, "bot", "sla-breach"));
        Ticket waiting = opened(5, "confirmed", 3);
        return List.of(plain, byHand, complaint, missedSla, waiting);
    }

    @Test
    void tilesChartsAndTheStoreAgree() throws Exception {
        List<Ticket> tickets;
        try (Store store = Store.open(dir.resolve("data")); var committer = new GroupCommitter(store)) {
            for (Ticket t : seeded()) {
                committer.submit(tx -> tx.saveTicket(t)).join();
            }
            committer.submit(tx -> tx.addKnowledgeGap("how do I stake TON?")).join();
            tickets = store.tickets();
            var d = DeskDashboard.compute(tickets, store.faqVotes(), store.knowledgeGaps(), List.of(), 7, ZONE, NOW);
            Map<String, Object> s = d.summary();

            long escalatedInStore = tickets.stream().filter(t -> t.tier() == Tier.SUPERVISOR).count();
            assertEquals(3, escalatedInStore, "seeded: by hand, a complaint and a missed SLA");
            int chartEscalations = d.days().stream().mapToInt(DeskDashboard.Day::escalations).sum();
            assertEquals(escalatedInStore, chartEscalations, "the chart's bars add up to the escalated tickets");
            assertEquals((double) escalatedInStore / tickets.size(), (Double) s.get("escalation_rate"), 1e-9, "the tile");

            assertEquals(((Number) s.get("tickets")).intValue(), d.days().stream().mapToInt(DeskDashboard.Day::opened).sum());
            assertEquals(((Number) s.get("sla_breaches")).intValue(), d.days().stream().mapToInt(DeskDashboard.Day::breaches).sum());
            assertEquals(((Number) s.get("rated_tickets")).intValue(), d.days().stream().mapToInt(DeskDashboard.Day::ratings).sum());
            long resolvedInStore = tickets.stream().filter(t -> !t.status().open()).count();
            assertEquals(resolvedInStore, d.days().stream().mapToInt(DeskDashboard.Day::resolved).sum());
            assertEquals(tickets.stream().filter(t -> t.status().open()).count(), ((Number) s.get("open_tickets")).longValue());
            assertEquals(List.of(new KnowledgeGaps.Gap("how do I stake TON?", 1)), d.knowledgeGaps());

            // The metrics' numbers (what /metrics and the `stats` command show) are the dashboard's summary.
            StatsReport metrics = DeskStats.of(store);
            assertEquals(metrics.escalationRate(), (Double) s.get("escalation_rate"));
            assertEquals(metrics.tickets(), ((Number) s.get("tickets")).longValue());
        }
    }
}

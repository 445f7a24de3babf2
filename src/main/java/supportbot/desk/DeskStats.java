package supportbot.desk;

import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.Tier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Computes the desk's numbers from tickets and FAQ votes. */
public final class DeskStats {
    private DeskStats() {
    }

    public static StatsReport of(supportbot.store.Store store) {
        var votes = store.faqVotes().values();
        return compute(store.tickets(), votes.stream().mapToLong(v -> v[0]).sum(), votes.stream().mapToLong(v -> v[1]).sum());
    }

    public static StatsReport compute(List<Ticket> tickets, long faqHelpful, long faqUnhelpful) {
        var firstResponses = new ArrayList<Double>();
        var resolutions = new ArrayList<Double>();
        long open = 0;
        long escalated = 0;
        long breaches = 0;
        long rated = 0;
        long satisfied = 0;
        double stars = 0;
        for (Ticket t : tickets) {
            if (t.status().open()) {
                open++;
            }
            firstEvent(t, TicketEvent.Type.REPLY).ifPresent(at -> firstResponses.add(minutesBetween(t.openedAt(), at)));
            if (!t.status().open()) {
                firstEvent(t, TicketEvent.Type.RESOLVED).ifPresent(at -> resolutions.add(minutesBetween(t.openedAt(), at)));
            }
            if (escalatedAt(t).isPresent()) {
                escalated++;
            }
            breaches += t.events().stream().filter(e -> e.type() == TicketEvent.Type.SLA_BREACH).count();
            if (t.rating() != null) {
                rated++;
                stars += t.rating().stars();
                satisfied += t.rating().stars() >= 4 ? 1 : 0;
            }
        }
        int n = tickets.size();
        long deflectable = faqHelpful + n;
        return new StatsReport(n, open, percentile(firstResponses, 0.5), percentile(firstResponses, 0.9),
                percentile(resolutions, 0.5), deflectable == 0 ? null : (double) faqHelpful / deflectable,
                n == 0 ? null : (double) escalated / n, breaches, rated, rated == 0 ? null : stars / rated,
                rated == 0 ? null : (double) satisfied / rated, faqHelpful, faqUnhelpful);
    }

    /**
     * When the ticket went to supervisors: its first "escalated"; its opening for one opened at supervisor tier;
     * the missed SLA that moved it there. The one definition the rate and the per-day chart both count by (the
     * chart used to count "escalated" events only, so SLA escalations and complaints made a rate with no bars).
     */
    static Optional<Instant> escalatedAt(Ticket t) {
        Optional<Instant> asked = firstEvent(t, TicketEvent.Type.ESCALATED);
        if (asked.isPresent() || t.tier() != Tier.SUPERVISOR) {
            return asked;
        }
        // At supervisor tier with no "escalated": opened there (a complaint), or moved there by a missed SLA.
        boolean openedThere = Ticket.open(t.draft()).tier() == Tier.SUPERVISOR;
        return openedThere ? Optional.of(t.openedAt()) : firstEvent(t, TicketEvent.Type.SLA_BREACH).or(() -> Optional.of(t.openedAt()));
    }

    private static Optional<Instant> firstEvent(Ticket t, TicketEvent.Type type) {
        return t.events().stream().filter(e -> e.type() == type).map(TicketEvent::at).findFirst();
    }

    private static double minutesBetween(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds() / 60.0;
    }

    /** Nearest-rank percentile; null when there is nothing to rank. */
    static Double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }
}

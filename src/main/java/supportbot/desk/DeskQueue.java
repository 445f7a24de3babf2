package supportbot.desk;

import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;
import supportbot.ticket.TicketStatus;
import supportbot.ticket.Tier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import supportbot.dialogue.TicketDirectory.QueueInfo;
import supportbot.store.Store;

/** Queue order (priority, then age), a ticket's place in it, and the wait to tell the user. */
public final class DeskQueue {
    /** Agents who acted within this window count as on duty for the estimate. */
    private static final Duration ACTIVE_WINDOW = Duration.ofHours(1);

    /** How long a read of all tickets is reused: positions a few seconds old are fine, a scan per handoff is not. */
    private static final Duration SNAPSHOT_TTL = Duration.ofSeconds(5);

    private final Store store;
    private final DeskSettings settings;
    private final Clock clock;
    private volatile List<Ticket> snapshot;
    private volatile long snapshotAtNanos;

    public DeskQueue(Store store, DeskSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    public static final Comparator<Ticket> ORDER = Comparator.comparingInt((Ticket t) -> t.draft().priority())
            .thenComparing(Ticket::openedAt).thenComparingLong(Ticket::number);

    /** For a ticket about to open with this priority: everybody queued at or above it goes first. */
    public QueueInfo forNew(int priority) {
        List<Ticket> tickets = tickets();
        int ahead = (int) tickets.stream().filter(t -> t.status() == TicketStatus.QUEUED && t.tier() == Tier.AGENT
                && t.draft().priority() <= priority).count();
        return info(tickets, ahead + 1);
    }

    /** For a ticket already queued, in its own tier. */
    public QueueInfo forTicket(Ticket ticket) {
        List<Ticket> tickets = tickets();
        int ahead = (int) tickets.stream().filter(t -> t.status() == TicketStatus.QUEUED && t.tier() == ticket.tier()
                && ORDER.compare(t, ticket) < 0).count();
        return info(tickets, ahead + 1);
    }

    private List<Ticket> tickets() {
        long now = System.nanoTime();
        List<Ticket> cached = snapshot;
        if (cached == null || now - snapshotAtNanos > SNAPSHOT_TTL.toNanos()) {
            cached = store.tickets();
            snapshot = cached;
            snapshotAtNanos = now;
        }
        return cached;
    }

    private QueueInfo info(List<Ticket> tickets, int position) {
        Instant now = clock.instant();
        Duration eta = settings.eta().estimate(EtaEstimator.WaitSample.fromTickets(tickets), position, agentsOnDuty(tickets, now));
        boolean open = settings.hours().isOpen(now);
        Instant opening = open ? now : settings.hours().nextOpening(now);
        // Off duty, the wait starts when the desk opens.
        Duration total = open ? eta : Duration.between(now, opening).plus(eta);
        return new QueueInfo(position, total, open, opening);
    }

    private static int agentsOnDuty(List<Ticket> tickets, Instant now) {
        Set<String> active = tickets.stream().flatMap(t -> t.events().stream())
                .filter(e -> !e.actor().equals("user") && !e.actor().equals("bot") && e.at().isAfter(now.minus(ACTIVE_WINDOW)))
                .map(TicketEvent::actor).collect(Collectors.toSet());
        return Math.max(1, active.size());
    }
}

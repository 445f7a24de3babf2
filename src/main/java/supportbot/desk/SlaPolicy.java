package supportbot.desk;

import supportbot.ticket.Ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import supportbot.desk.SlaStatus.BreachKind;

/**
 * Service-level targets per ticket priority (1 most urgent .. 4), and how a ticket's events measure up to
 * them. Pure: the caller passes the time, so a monitor and a test see the same answer.
 *
 * @param targets exactly the priorities 1, 2, 3 and 4
 * @param hours   the hours in which business-hours-only clocks run
 */
public record SlaPolicy(Map<Integer, Targets> targets, ServiceHours hours) {
    public static final int HIGHEST_PRIORITY = 1;
    public static final int LOWEST_PRIORITY = 4;

    public SlaPolicy {
        Objects.requireNonNull(hours, "hours");
        targets = Map.copyOf(targets);
        for (int p = HIGHEST_PRIORITY; p <= LOWEST_PRIORITY; p++) {
            if (!targets.containsKey(p)) {
                throw new IllegalArgumentException("no SLA targets for priority " + p);
            }
        }
        if (targets.size() != LOWEST_PRIORITY) {
            throw new IllegalArgumentException("SLA targets only for priorities 1..4, got " + new TreeMap<>(targets).keySet());
        }
    }

    /**
     * @param businessHoursOnly true: the clocks run only while {@link ServiceHours} is open, so "1d" means
     *                          24 open hours (two days of 12 hours). False: they run around the clock.
     */
    public record Targets(Duration firstResponse, Duration nextResponse, Duration resolution, boolean businessHoursOnly) {
        public Targets {
            for (Duration d : new Duration[] {firstResponse, nextResponse, resolution}) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("SLA targets must be positive durations, got " + d);
                }
            }
        }
    }

    public Targets targetsFor(int priority) {
        Targets t = targets.get(priority);
        if (t == null) {
            throw new IllegalArgumentException("priority must be 1..4, was " + priority);
        }
        return t;
    }

    public SlaStatus evaluate(Ticket ticket, Instant now) {
        Targets t = targetsFor(ticket.draft().priority());
        SlaTimeline line = SlaTimeline.of(ticket, now);
        Instant firstDue = due(line.openedAt(), t.firstResponse(), t);
        Instant nextDue = line.waitingSince() == null ? null : due(line.waitingSince(), t.nextResponse(), t);
        Instant resolutionDue = due(line.resolutionStart(), t.resolution(), t);

        var breaches = EnumSet.noneOf(BreachKind.class);
        // A ticket resolved without a reply stops its first-response clock too: nobody waits on it any more.
        Instant firstStop = line.firstReplyAt() != null ? line.firstReplyAt() : line.resolvedAt();
        if (missed(firstDue, firstStop, now)) {
            breaches.add(BreachKind.FIRST_RESPONSE);
        }
        if (nextDue != null && missed(nextDue, null, now)) {
            breaches.add(BreachKind.NEXT_RESPONSE);
        }
        if (missed(resolutionDue, line.resolvedAt(), now)) {
            breaches.add(BreachKind.RESOLUTION);
        }
        return new SlaStatus(firstDue, line.firstReplyAt(), nextDue, resolutionDue, line.resolvedAt(), breaches);
    }

    private Instant due(Instant start, Duration target, Targets t) {
        return t.businessHoursOnly() ? hours.plusOpenTime(start, target) : start.plus(target);
    }

    /** Due time reached: by the clock while it runs, or by the event that stopped it. */
    private static boolean missed(Instant due, Instant metAt, Instant now) {
        Instant measured = metAt == null ? now : metAt;
        return !measured.isBefore(due);
    }
}

package supportbot.desk;

import supportbot.ticket.Ticket;
import supportbot.ticket.TicketEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The wait a queued user is told: the median time to a first response over the last {@code historySize}
 * handled tickets, one such wait per round of the queue the agents online have to work through before
 * this user. The median, because one ticket forgotten over a weekend must not set everyone's expectation.
 *
 * @param historySize how many of the most recently answered tickets count
 * @param defaultWait stands in for the median until any ticket has been answered
 */
public record EtaEstimator(int historySize, Duration defaultWait) {
    public EtaEstimator {
        if (historySize < 1) {
            throw new IllegalArgumentException("historySize must be at least 1, was " + historySize);
        }
        if (defaultWait == null || defaultWait.isNegative()) {
            throw new IllegalArgumentException("defaultWait must be a duration of zero or more, was " + defaultWait);
        }
    }

    /** A handled ticket's time in the queue: from opening to the first agent reply. */
    public record WaitSample(Instant queuedAt, Instant firstResponseAt) {
        public WaitSample {
            Objects.requireNonNull(queuedAt, "queuedAt");
            Objects.requireNonNull(firstResponseAt, "firstResponseAt");
        }

        public Duration waited() {
            return Duration.between(queuedAt, firstResponseAt);
        }

        /** One sample per ticket that has an agent reply; tickets still waiting tell nothing yet. */
        public static List<WaitSample> fromTickets(Collection<Ticket> tickets) {
            return tickets.stream().flatMap(t -> firstReply(t).map(at -> new WaitSample(t.openedAt(), at)).stream()).toList();
        }

        private static Optional<Instant> firstReply(Ticket t) {
            return t.events().stream().filter(e -> e.type() == TicketEvent.Type.REPLY).map(TicketEvent::at).min(Comparator.naturalOrder());
        }
    }

    /**
     * @param handled      answered tickets, in any order; samples with a reply before the opening are
     *                     ignored as clock errors
     * @param position     the user's place in the queue, 1 = next
     * @param agentsOnline agents taking tickets now; 0 counts as 1, since a ticket is answered by somebody
     *                     eventually and "never" is no answer to give a user
     */
    public Duration estimate(Collection<WaitSample> handled, int position, int agentsOnline) {
        if (position < 1) {
            throw new IllegalArgumentException("queue position is 1-based, was " + position);
        }
        long rounds = ceilDiv(position, Math.max(1, agentsOnline));
        return median(handled).orElse(defaultWait).multipliedBy(rounds);
    }

    private Optional<Duration> median(Collection<WaitSample> handled) {
        List<WaitSample> valid = handled.stream()
                .filter(s -> !s.waited().isNegative())
                .sorted(Comparator.comparing(WaitSample::firstResponseAt))
                .toList();
        List<Duration> recent = valid.subList(Math.max(0, valid.size() - historySize), valid.size()).stream()
                .map(WaitSample::waited)
                .sorted()
                .toList();
        if (recent.isEmpty()) {
            return Optional.empty();
        }
        int mid = recent.size() / 2;
        return Optional.of(recent.size() % 2 == 1 ? recent.get(mid) : recent.get(mid - 1).plus(recent.get(mid)).dividedBy(2));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}

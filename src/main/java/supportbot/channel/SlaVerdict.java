package supportbot.channel;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import supportbot.desk.SlaPolicy;
import supportbot.ticket.Ticket;

/**
 * The service-level verdict staff cards show once a ticket is resolved: agents see on the card itself whether
 * the ticket made its targets, without opening the dashboard. Open tickets get none, since their clock still runs.
 */
public final class SlaVerdict {
    private final SlaPolicy policy;
    private final Clock clock;

    public SlaVerdict(SlaPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** A verdict for cards where no service levels are configured (tests, bare connectors). */
    public static SlaVerdict none() {
        return new SlaVerdict(null, Clock.systemUTC());
    }

    /** "SLA met (2 h 5 min to spare)" or "SLA missed (35 min late)"; empty while the ticket is unresolved. */
    public Optional<String> of(Ticket t) {
        if (policy == null) {
            return Optional.empty();
        }
        return policy.evaluate(t, clock.instant()).outcome().map(o -> o.met()
                ? "SLA met (" + span(o.margin()) + " to spare)"
                : "SLA missed (" + span(o.margin()) + " late)");
    }

    static String span(Duration d) {
        long m = Math.max(0, d.toMinutes());
        if (m < 60) {
            return m + " min";
        }
        if (m < 24 * 60) {
            return m / 60 + " h " + m % 60 + " min";
        }
        return m / 1440 + " d " + (m % 1440) / 60 + " h";
    }
}

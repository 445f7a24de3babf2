package supportbot.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import supportbot.desk.StatsReport;

/**
 * The desk's numbers for the business gauges. Computing them decodes every ticket, so a scrape reuses the last
 * result unless it is older than {@code ttl} and the store has committed since; one computation serves all the
 * gauges of a scrape and every Prometheus that scrapes within the TTL.
 */
final class CachedStats implements Supplier<StatsReport> {
    private final Supplier<StatsReport> compute;
    private final Clock clock;
    private final Duration ttl;
    private volatile boolean changed = true;
    private StatsReport latest;
    private Instant computedAt = Instant.MIN;

    CachedStats(Supplier<StatsReport> compute, Clock clock, Duration ttl) {
        this.compute = compute;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Called after each store commit (cheap: the next stale read recomputes). */
    void storeChanged() {
        changed = true;
    }

    @Override
    public synchronized StatsReport get() {
        Instant now = clock.instant();
        if (latest == null || changed && !now.isBefore(computedAt.plus(ttl))) {
            changed = false; // before computing: a commit during the computation marks it stale again
            latest = compute.get();
            computedAt = now;
        }
        return latest;
    }
}

package supportbot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import supportbot.desk.DeskStats;
import supportbot.desk.StatsReport;

/** The business gauges decode every ticket: scrapes must not make them do it more than once per TTL and change. */
class CachedStatsTest {
    private static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-12-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void recomputesOnlyWhenTheStoreChangedAndTheTtlPassed() {
        var computed = new AtomicInteger();
        var clock = new StepClock();
        var stats = new CachedStats(() -> {
            computed.incrementAndGet();
            return report();
        }, clock, Duration.ofSeconds(15));

        for (int gauge = 0; gauge < 9; gauge++) {
            stats.get(); // one scrape reads nine gauges
        }
        assertEquals(1, computed.get());

        stats.storeChanged();
        clock.now = clock.now.plusSeconds(5);
        stats.get();
        assertEquals(1, computed.get(), "within the TTL the last numbers are served");

        clock.now = clock.now.plusSeconds(10);
        stats.get();
        assertEquals(2, computed.get(), "TTL passed and the store changed");

        clock.now = clock.now.plusSeconds(60);
        stats.get();
        assertEquals(2, computed.get(), "nothing committed since: nothing to recompute");
    }

    private static StatsReport report() {
        return DeskStats.compute(java.util.List.of(), 0, 0);
    }
}

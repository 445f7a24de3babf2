package supportbot.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Function;
import java.util.function.Supplier;
import supportbot.desk.StatsReport;

/**
 * {@code GET /metrics} in Prometheus format: the bot's meters (supportbot.metrics.BotMetrics) and the desk
 * numbers, which the gauges read from a {@link CachedStats} snapshot.
 */
final class Metrics {
    private final PrometheusMeterRegistry registry;
    private final Supplier<StatsReport> stats;

    Metrics(PrometheusMeterRegistry registry, Supplier<StatsReport> stats) {
        this.registry = registry;
        this.stats = stats;
        gauge("supportbot_tickets", "tickets ever opened", r -> (double) r.tickets());
        gauge("supportbot_open_tickets", "tickets not resolved or closed", r -> (double) r.openTickets());
        gauge("supportbot_first_response_median_minutes", "median minutes to an agent's first reply", StatsReport::firstResponseMedianMinutes);
        gauge("supportbot_resolution_median_minutes", "median minutes to resolution", StatsReport::resolutionMedianMinutes);
        gauge("supportbot_deflection_ratio", "FAQ solved it / (that + tickets)", StatsReport::deflectionRate);
        gauge("supportbot_escalation_ratio", "escalated tickets / tickets", StatsReport::escalationRate);
        gauge("supportbot_sla_breaches", "service-level targets missed", r -> (double) r.slaBreaches());
        gauge("supportbot_csat_average_stars", "average rating, 1 to 5", StatsReport::csatAverage);
        gauge("supportbot_csat_satisfied_ratio", "ratings of 4 or 5 stars / ratings", StatsReport::csatSatisfiedShare);
    }

    private void gauge(String name, String help, Function<StatsReport, Double> value) {
        Gauge.builder(name, () -> {
            Double v = value.apply(stats.get());
            return v == null ? Double.NaN : v;
        }).description(help).register(registry);
    }

    String scrape() {
        return registry.scrape();
    }
}

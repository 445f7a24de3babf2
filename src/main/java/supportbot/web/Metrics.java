package supportbot.web;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Function;
import java.util.function.Supplier;
import supportbot.desk.StatsReport;

/**
 * {@code GET /metrics} in Prometheus format. The desk numbers are computed once per scrape from the store,
 * and the gauges read that snapshot.
 */
final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Supplier<StatsReport> compute;
    private volatile StatsReport latest;

    Metrics(Supplier<StatsReport> compute) {
        this.compute = compute;
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
            Double v = latest == null ? null : value.apply(latest);
            return v == null ? Double.NaN : v;
        }).description(help).register(registry);
    }

    String scrape() {
        latest = compute.get();
        return registry.scrape();
    }
}

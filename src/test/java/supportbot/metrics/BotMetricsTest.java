package supportbot.metrics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The hooks other code calls (connectors, dead letters) appear under the names the dashboard queries. */
class BotMetricsTest {
    @Test
    void connectorStateAndDeadLettersAreScrapedByTheirDocumentedNames() {
        var metrics = new BotMetrics();
        var telegram = metrics.connector("telegram");
        telegram.connected(true);
        telegram.updateReceived(1_764_800_000_000L);
        telegram.updateReceived(1_764_700_000_000L); // an older update arriving late does not move it back
        metrics.deadLetter("telegram", "unhandled");
        metrics.deadLetter("telegram", "unhandled");

        String scrape = metrics.scrape();
        assertTrue(scrape.contains("supportbot_connector_connected{connector=\"telegram\"} 1.0"), scrape);
        assertTrue(scrape.contains("supportbot_connector_last_update_timestamp_seconds{connector=\"telegram\"} 1.7648E9"),
                scrape);
        assertTrue(scrape.contains("supportbot_dead_letters_total{channel=\"telegram\",reason=\"unhandled\"} 2.0"), scrape);

        telegram.connected(false);
        assertTrue(metrics.scrape().contains("supportbot_connector_connected{connector=\"telegram\"} 0.0"));
    }
}

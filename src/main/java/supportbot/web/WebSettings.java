package supportbot.web;

import java.time.Duration;

/**
 * The HTTP server's own limits and access rules.
 *
 * @param sessionsPerAddress chat sessions one client address may create per {@code sessionWindow}
 * @param metricsToken       bearer token /metrics requires; null or blank: /metrics answers loopback clients only
 */
public record WebSettings(int sessionsPerAddress, Duration sessionWindow, String metricsToken) {
    public WebSettings {
        if (sessionsPerAddress < 1) {
            throw new IllegalArgumentException("sessionsPerAddress: at least 1, not " + sessionsPerAddress);
        }
        if (sessionWindow == null || sessionWindow.isNegative() || sessionWindow.isZero()) {
            throw new IllegalArgumentException("sessionWindow must be positive");
        }
        metricsToken = metricsToken == null || metricsToken.isBlank() ? null : metricsToken.strip();
    }

    /** 30 new sessions per address per hour; /metrics from METRICS_TOKEN, else loopback only. */
    public static WebSettings defaults() {
        return new WebSettings(30, Duration.ofHours(1), System.getenv("METRICS_TOKEN"));
    }

    public WebSettings withSessions(int perAddress, Duration window) {
        return new WebSettings(perAddress, window, metricsToken);
    }
}

package supportbot.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether a connector is connected to its platform, and when it last received an update from it. An update
 * time that stops moving while users are known to write is the sign of a silent outage that "connected"
 * alone does not show (a long poll that hangs, a webhook nobody calls).
 */
public final class ConnectorState {
    private final AtomicLong connected = new AtomicLong();
    private final AtomicLong lastUpdateMillis = new AtomicLong();

    ConnectorState(MeterRegistry registry, String connector) {
        Gauge.builder("supportbot.connector.connected", connected, AtomicLong::get)
                .description("1 while the connector is signed in and receiving, else 0")
                .tag("connector", connector).register(registry);
        Gauge.builder("supportbot.connector.last.update.timestamp", lastUpdateMillis, v -> v.get() / 1000.0)
                .description("Unix time of the last update received from the platform, 0 before the first")
                .baseUnit("seconds").tag("connector", connector).register(registry);
    }

    public void connected(boolean up) {
        connected.set(up ? 1 : 0);
    }

    public void updateReceived(long epochMillis) {
        lastUpdateMillis.accumulateAndGet(epochMillis, Math::max);
    }
}

package supportbot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The bot's own meters, named in one place so that docs/operations-metrics-logs.md and the dashboard have one
 * list to follow. Depends on nothing in the bot: every package may call it. Components that are built without
 * one get {@link #none()}, whose meters count into a registry nobody scrapes.
 */
public final class BotMetrics {
    // Buckets from 1 ms to 30 s: a turn or a commit slower than that is an incident whatever its exact value.
    private static final Duration FASTEST = Duration.ofMillis(1);
    private static final Duration SLOWEST = Duration.ofSeconds(30);

    private final PrometheusMeterRegistry registry;
    private final Timer turns;
    private final Timer commits;
    private final DistributionSummary batches;

    public BotMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        this.turns = histogram("supportbot.turn", "a user message or desk event from start of handling to commit");
        this.commits = histogram("supportbot.store.commit", "one group commit of the store, rollbacks included");
        this.batches = DistributionSummary.builder("supportbot.store.commit.batch.size")
                .description("write sets (turns, deliveries, desk actions) committed together")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096).register(registry);
    }

    public BotMetrics() {
        this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** For components built without metrics (tests, one-shot commands). */
    public static BotMetrics none() {
        return new BotMetrics();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** A message a connector handed to the inbox, with what the inbox did with it (processed, duplicate, …). */
    public void messageReceived(String channel, String outcome) {
        counter("supportbot.messages.received", "user messages handed in by a connector", "channel", channel,
                "outcome", outcome).increment();
    }

    /** A reply that reached the user: accepted by a push platform, or committed where the web chat polls it. */
    public void messageSent(String channel) {
        counter("supportbot.messages.sent", "bot and agent messages delivered to users", "channel", channel).increment();
    }

    public void turn(long nanos) {
        turns.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A turn run again because another instance changed its conversation meanwhile (PostgreSQL, several instances). */
    public void turnRetried() {
        counter("supportbot.turn.retries", "turns run again on fresh state after another instance's commit").increment();
    }

    /** One FAQ search made by the dialogue, and what it decided: answer, suggest or none. */
    public void faqSearch(long nanos, String decision) {
        histogram("supportbot.faq.search", "one FAQ search (lexical and semantic) for the dialogue")
                .record(nanos, TimeUnit.NANOSECONDS);
        counter("supportbot.faq.decisions", "FAQ searches by decision", "decision", decision).increment();
    }

    /** A send that failed for a reason that may pass (network, 5xx, local rate gate): it is tried again. */
    public void sendRetried(String channel) {
        counter("supportbot.outbox.retries", "outbox sends deferred to a later pass", "channel", channel).increment();
    }

    /** The platform itself answered "too many requests" (HTTP 429). */
    public void rateLimited(String channel) {
        counter("supportbot.rate.limited", "HTTP 429 answers from a chat platform", "channel", channel).increment();
    }

    /** An outbox entry no retry can deliver (user blocked the bot, chat gone): kept in the store, not sent. */
    public void parked(String channel) {
        counter("supportbot.outbox.parked", "outbox entries parked as undeliverable", "channel", channel).increment();
    }

    /**
     * The hook for anything given up on that is not an outbox entry, e.g. an inbound update a connector could not
     * process after its retries. {@code reason} must be a short fixed word, never message text or an id.
     */
    public void deadLetter(String channel, String reason) {
        counter("supportbot.dead.letters", "messages or updates given up on and set aside", "channel", channel,
                "reason", reason).increment();
    }

    public void storeCommit(long nanos, int writeSets) {
        commits.record(nanos, TimeUnit.NANOSECONDS);
        batches.record(writeSets);
    }

    /** Registers a gauge read at every scrape: {@code value} must be cheap (no decoding of many records). */
    public void gauge(String name, String description, String baseUnit, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).baseUnit(baseUnit).strongReference(true).register(registry);
    }

    /** The state of one chat connector (telegram, discord). */
    public ConnectorState connector(String name) {
        return new ConnectorState(registry, name);
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    private Timer histogram(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(FASTEST).maximumExpectedValue(SLOWEST).register(registry);
    }

}

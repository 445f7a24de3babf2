package supportbot.desk;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a ticket stands against its service levels at one instant.
 *
 * <p>A target is breached once {@code now >= due} while its clock still runs, or when it was met at or after
 * its due instant: a first response that came late stays a breach, so a monitor that was down still learns
 * about it. The next-response target is judged only while the user is waiting; after the reply it is gone.
 *
 * @param firstRespondedAt the first agent reply, or null while none
 * @param nextResponseDue  when the agent must answer the user's unanswered message; null when the desk is
 *                         not waiting on an agent for a follow-up (no first reply yet, nothing unanswered,
 *                         or resolved)
 * @param resolutionDue    counted from opening, or from the latest reopening
 * @param resolvedAt       when the current resolution clock stopped, or null while it runs
 * @param breaches         empty when every target is met or still in time
 */
public record SlaStatus(Instant firstResponseDue, Instant firstRespondedAt, Instant nextResponseDue,
                        Instant resolutionDue, Instant resolvedAt, Set<BreachKind> breaches) {

    public enum BreachKind {
        FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION
    }

    public SlaStatus {
        breaches = breaches.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(breaches));
    }

    public boolean breached() {
        return !breaches.isEmpty();
    }

    public boolean breached(BreachKind kind) {
        return breaches.contains(kind);
    }

    /** The breached target that fell due first, i.e. the one the user has been let down on the longest. */
    public Optional<BreachKind> breach() {
        return breaches.stream().min(Comparator.comparing(this::due).thenComparing(Comparator.naturalOrder()));
    }

    /**
     * How the ticket ended against its targets once resolved; empty while the resolution clock runs, so a
     * resolved ticket stops counting down and keeps the verdict it had at its resolve time.
     */
    public Optional<Outcome> outcome() {
        if (resolvedAt == null) {
            return Optional.empty();
        }
        Optional<BreachKind> worst = breach();
        if (worst.isEmpty()) {
            return Optional.of(new Outcome(true, Duration.between(resolvedAt, resolutionDue)));
        }
        Instant measured = worst.get() == BreachKind.FIRST_RESPONSE && firstRespondedAt != null ? firstRespondedAt : resolvedAt;
        return Optional.of(new Outcome(false, Duration.between(due(worst.get()), measured)));
    }

    /**
     * @param met    every target was met
     * @param margin when met: how long before the resolution deadline it was resolved; when missed: how late
     *               the oldest missed target was met
     */
    public record Outcome(boolean met, Duration margin) {
    }

    public Instant due(BreachKind kind) {
        return switch (kind) {
            case FIRST_RESPONSE -> firstResponseDue;
            case NEXT_RESPONSE -> nextResponseDue;
            case RESOLUTION -> resolutionDue;
        };
    }
}

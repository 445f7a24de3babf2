package supportbot.store;

import java.time.Duration;

/** Rate limits that hold for every instance together (a token bucket kept as one row per limit). */
public interface RateBuckets {
    /**
     * Takes a send from bucket {@code name} (one per {@code interval}, {@code tolerance} of it saved up) if one is
     * free now, returning zero; else takes nothing and returns how long until one is.
     */
    Duration tryTake(String name, Duration interval, Duration tolerance);
}

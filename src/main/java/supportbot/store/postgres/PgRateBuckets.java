package supportbot.store.postgres;

import java.time.Duration;
import supportbot.store.RateBuckets;

/** GCRA on a row: the database's clock and the row lock make one bucket for all instances. */
final class PgRateBuckets implements RateBuckets {
    private final Jdbc jdbc;

    PgRateBuckets(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Duration tryTake(String name, Duration interval, Duration tolerance) {
        double every = interval.toNanos() / 1e9;
        double slack = tolerance.toNanos() / 1e9;
        boolean taken = jdbc.one("insert into rate_buckets (name, tat) values (?, clock_timestamp() + make_interval(secs => ?)) "
                + "on conflict (name) do update set tat = greatest(rate_buckets.tat, clock_timestamp()) + make_interval(secs => ?) "
                + "where rate_buckets.tat <= clock_timestamp() + make_interval(secs => ?) returning true", st -> {
            st.setString(1, name);
            st.setDouble(2, every);
            st.setDouble(3, every);
            st.setDouble(4, slack);
        }, rs -> true).isPresent();
        if (taken) {
            return Duration.ZERO;
        }
        double seconds = jdbc.one("select greatest(0, extract(epoch from (tat - clock_timestamp())) - ?) from rate_buckets "
                + "where name = ?", st -> {
            st.setDouble(1, slack);
            st.setString(2, name);
        }, rs -> rs.getDouble(1)).orElse(0.0);
        // Never zero for a refusal: the caller would spin.
        return Duration.ofNanos(Math.max(1_000_000L, (long) (seconds * 1e9)));
    }
}

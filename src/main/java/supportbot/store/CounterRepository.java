package supportbot.store;

/** Named counters: ids of outbox entries and gaps, the last ticket number, feed cursors. */
public interface CounterRepository {
    long get(String name);

    void set(String name, long value);

    /** Adds {@code delta} and returns the new value. */
    long add(String name, long delta);

    /** Raises the counter to {@code value} if it is lower. */
    void raise(String name, long value);

    java.util.Map<String, Long> all();
}

package supportbot.cluster;

import java.util.List;
import java.util.function.Consumer;

/**
 * How instances sharing one database tell each other what they committed, so long polls, mirrors and caches on
 * every instance move when any one of them writes. With one process there is nobody to tell.
 */
public interface Broadcast extends AutoCloseable {
    /** Sends soon, after the commit that caused it; notices published close together travel together. */
    void publish(Notice notice);

    /**
     * Receives what the other instances published (never this instance's own notices), a batch at a time, on the
     * broadcast's thread: keep it quick.
     */
    void subscribe(Consumer<List<Notice>> listener);

    @Override
    void close();

    static Broadcast alone() {
        return new Broadcast() {
            @Override
            public void publish(Notice notice) {
            }

            @Override
            public void subscribe(Consumer<List<Notice>> listener) {
            }

            @Override
            public void close() {
            }
        };
    }
}

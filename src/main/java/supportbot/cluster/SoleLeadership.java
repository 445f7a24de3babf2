package supportbot.cluster;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The only process there is: it wins every role at once and keeps it until closed. */
final class SoleLeadership implements Leadership {
    private static final Logger log = LoggerFactory.getLogger(SoleLeadership.class);

    /** @param stopped whether the duty was closed already (released, then the process closing) */
    private record SoleRole(String name, AutoCloseable running, boolean[] stopped) implements Role {
        @Override
        public boolean held() {
            return true;
        }

        @Override
        public int terms() {
            return 1;
        }

        @Override
        public void release() {
            stop(this);
        }
    }

    private final List<SoleRole> roles = new ArrayList<>();

    @Override
    public synchronized Role hold(String role, Duty duty) {
        AutoCloseable running;
        try {
            running = duty.start(() -> true);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(role + " did not start: " + e.getMessage(), e);
        }
        var held = new SoleRole(role, running, new boolean[1]);
        roles.add(held);
        return held;
    }

    @Override
    public synchronized void close() {
        for (SoleRole r : List.copyOf(roles)) {
            stop(r);
        }
    }

    private static void stop(SoleRole r) {
        synchronized (r) {
            if (!r.stopped[0]) {
                r.stopped[0] = true;
                try {
                    r.running().close();
                } catch (Exception e) {
                    log.warn("{} did not stop cleanly: {}", r.name(), e.toString());
                }
            }
        }
    }
}

package supportbot.cluster;

/**
 * Work that must run on one instance only (the Telegram poller, the Discord gateway): each role is held by one
 * instance at a time, and another takes it over when that one dies. With one process (the embedded store) the
 * process holds every role for its whole life.
 */
public interface Leadership extends AutoCloseable {
    /**
     * Runs {@code duty} on this instance whenever it holds {@code role}: started when the role is won, closed
     * when it is lost or on {@link #close()}. The first try happens before this returns, so a lone instance has
     * its duty running at once, and a duty that cannot start fails the caller as it did without elections.
     */
    Role hold(String role, Duty duty);

    /** Stops every duty and gives up every role, so the other instances can take them over at once. */
    @Override
    void close();

    /** One process owns everything: every duty starts now and runs until closed. */
    static Leadership alone() {
        return new SoleLeadership();
    }

    /** What a role runs while held. */
    @FunctionalInterface
    interface Duty {
        /**
         * Starts the work; closing what it returns stops it.
         *
         * @param lease lets the work check, before each step that must not run twice, that the role is still held
         */
        AutoCloseable start(Lease lease) throws Exception;
    }

    /** This instance's hold on a role during one term. */
    @FunctionalInterface
    interface Lease {
        /**
         * True while this instance still holds the role. May cost a round trip to the database, so call it before
         * a step (a poll), not in a tight loop. Once false it stays false: the duty is being stopped.
         */
        boolean confirm();
    }

    /** A role this instance competes for. */
    interface Role {
        String name();

        /** True while this instance holds the role and its duty runs. */
        boolean held();

        /** How many times this instance has won the role: each is one term of the duty. */
        int terms();

        /** Stops the duty here and stops competing for the role, so another instance can take it at once. */
        void release();
    }
}

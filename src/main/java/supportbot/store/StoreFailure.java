package supportbot.store;

/**
 * Marks an exception that says the store could not be read or written (a dropped connection, a database that is
 * down), not that anything was wrong with the data. A turn that meets one must fail and be delivered again, not be
 * recorded as handled: recording it would acknowledge a message whose answer was never worked out.
 */
public interface StoreFailure {
    /** Whether {@code e} or one of its causes is a store failure. */
    static boolean in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreFailure) {
                return true;
            }
            if (t.getCause() == t) {
                return false;
            }
        }
        return false;
    }
}

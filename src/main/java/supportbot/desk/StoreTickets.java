package supportbot.desk;

import supportbot.ticket.TicketStatus;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import supportbot.dialogue.TicketDirectory;
import supportbot.store.Store;

/**
 * The engine's view of tickets, from the store. Numbers continue from the highest stored one across restarts;
 * on a database shared by instances they come from its sequence.
 */
public final class StoreTickets implements TicketDirectory {
    private static final long FIRST_NUMBER = 1001;

    private final Store store;
    private final DeskQueue queue;
    private final AtomicLong last;

    public StoreTickets(Store store, DeskQueue queue) {
        this.store = store;
        this.queue = queue;
        this.last = new AtomicLong(Math.max(FIRST_NUMBER - 1, store.lastTicketNumber()));
    }

    @Override
    public long nextNumber() {
        // Instances sharing a database take numbers from it; one process counts in memory, as it always did.
        java.util.OptionalLong shared = store.nextTicketNumber();
        return shared.isPresent() ? shared.getAsLong() : last.incrementAndGet();
    }

    @Override
    public Optional<TicketStatus> status(long number) {
        return store.ticket(number).map(t -> new TicketStatus(number, t.draft().categoryId(), t.status().label()));
    }

    @Override
    public QueueInfo queueFor(int priority) {
        return queue.forNew(priority);
    }
}

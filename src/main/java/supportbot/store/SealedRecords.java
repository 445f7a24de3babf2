package supportbot.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Records numbered by a long (tickets, outbox entries, parked entries, knowledge gaps), each sealed under its
 * conversation's key. The store's erasure visits only the records one key sealed, so adapters index them by it.
 */
public interface SealedRecords {
    Optional<byte[]> get(long id);

    void put(long id, byte[] sealed);

    Optional<byte[]> remove(long id);

    /** Every id, smallest first. */
    List<Long> ids();

    /** The first {@code max} values, by id. */
    List<byte[]> first(int max);

    /** The ids of the records sealed under any of {@code keyIds} ({@link SealedValues#PLAIN} for plain ones). */
    List<Long> sealedWith(Collection<Long> keyIds);

    long count();
}

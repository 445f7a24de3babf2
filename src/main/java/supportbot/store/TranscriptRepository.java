package supportbot.store;

import java.util.List;
import java.util.Optional;

/**
 * Transcript turns: one entry per turn, keyed by its conversation and the seq of its first line, sealed. The
 * lines' own seqs follow from the first one, so a turn is written once and never renumbered.
 */
public interface TranscriptRepository {
    record Entry(String conversationKey, long firstSeq, byte[] value) {
    }

    void put(String conversationKey, long firstSeq, byte[] sealed);

    Optional<byte[]> get(String conversationKey, long firstSeq);

    void remove(String conversationKey, long firstSeq);

    /** The conversation's entries from the one holding {@code seq} (or the first one) on, in order. */
    List<Entry> from(String conversationKey, long seq);

    Optional<Entry> last(String conversationKey);

    /** The first seqs of the conversation's entries, in order. */
    List<Long> firstSeqs(String conversationKey);

    /** Every entry's conversation and first seq (values left out), for retention's sweep. */
    List<Entry> allKeys();
}

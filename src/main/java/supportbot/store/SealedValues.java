package supportbot.store;

/** What an adapter may know of a stored value without opening it: which conversation key sealed it. */
public final class SealedValues {
    /** The key id of values written plain (before encryption, or without a conversation). */
    public static final long PLAIN = -1;

    private SealedValues() {
    }

    /** The id of the key that sealed {@code stored}, or {@link #PLAIN}: adapters index records by it. */
    public static long keyIdOf(byte[] stored) {
        return Sealer.isSealed(stored) ? Sealer.keyId(stored) : PLAIN;
    }
}

package supportbot.store;

/**
 * Messages committed for delivery ({@link #pending()}) and those no retry can deliver ({@link #parked()}),
 * kept with their reason, never dropped.
 */
public interface OutboxRepository {
    SealedRecords pending();

    SealedRecords parked();
}

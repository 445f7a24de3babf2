package supportbot.store.postgres;

import java.sql.Timestamp;
import java.time.Instant;
import supportbot.store.InboundIds;

final class PgInboundIds implements InboundIds {
    private final Jdbc jdbc;

    PgInboundIds(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** In the turn's transaction: an instance recording the same id at once waits for it and then finds it. */
    @Override
    public boolean add(String conversationKey, String messageId, Instant at) {
        return jdbc.update("insert into inbound_ids (conversation_key, message_id, seen_at) values (?, ?, ?) "
                + "on conflict do nothing", st -> {
            st.setString(1, conversationKey);
            st.setString(2, messageId);
            st.setTimestamp(3, Timestamp.from(at));
        }) == 1;
    }

    @Override
    public int removeBefore(Instant before) {
        return jdbc.update("delete from inbound_ids where seen_at < ?", st -> st.setTimestamp(1, Timestamp.from(before)));
    }
}

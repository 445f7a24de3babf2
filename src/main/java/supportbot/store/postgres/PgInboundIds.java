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

    /** The version is read in this statement's snapshot, taken after the caller's lock was granted: it is current. */
    @Override
    public Turn checkTurn(String conversationKey, long versionRead, String messageId, Instant at) {
        return jdbc.one("""
                with cur as (select coalesce((select version from conversations where key = ?), 0) as v),
                     added as (insert into inbound_ids (conversation_key, message_id, seen_at)
                               select ?, ?, ? from cur where (? < 0 or cur.v = ?) and ?::text is not null
                               on conflict do nothing returning 1)
                select cur.v, (select count(*) from added) from cur""", st -> {
            st.setString(1, conversationKey);
            st.setString(2, conversationKey);
            st.setString(3, messageId);
            st.setTimestamp(4, at == null ? null : Timestamp.from(at));
            st.setLong(5, versionRead);
            st.setLong(6, versionRead);
            st.setString(7, messageId);
        }, rs -> {
            if (versionRead >= 0 && rs.getLong(1) != versionRead) {
                return Turn.CHANGED;
            }
            return messageId != null && rs.getLong(2) == 0 ? Turn.DUPLICATE : Turn.CURRENT;
        }).orElseThrow();
    }

    @Override
    public int removeBefore(Instant before) {
        return jdbc.update("delete from inbound_ids where seen_at < ?", st -> st.setTimestamp(1, Timestamp.from(before)));
    }
}

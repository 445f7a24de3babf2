package supportbot.store.postgres;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import supportbot.store.OutboxRepository;
import supportbot.store.SealedRecords;
import supportbot.store.SealedValues;

/**
 * The outbox shared by every instance. A claim takes, with {@code FOR UPDATE SKIP LOCKED}, the oldest pending
 * entry of conversations nobody holds (or whose holder's lease ran out) and then every pending entry of those
 * conversations, labelling them with the claimant and a lease. Only the head of a conversation is ever
 * contested: a later entry is claimed only with its conversation's head, so one instance at a time sends a
 * chat, in order.
 */
final class PgOutbox implements OutboxRepository {
    private final Jdbc jdbc;
    private final PgSealedRecords pending;
    private final PgSealedRecords parked;

    PgOutbox(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.pending = new PgSealedRecords(jdbc, "outbox");
        this.parked = new PgSealedRecords(jdbc, "undeliverable");
    }

    @Override
    public SealedRecords pending() {
        return pending;
    }

    @Override
    public SealedRecords parked() {
        return parked;
    }

    @Override
    public void add(long id, String channel, String conversationKey, byte[] sealed) {
        jdbc.update("insert into outbox (id, value, key_id, channel, conversation_key) values (?, ?, ?, ?, ?)", st -> {
            st.setLong(1, id);
            st.setBytes(2, sealed);
            st.setLong(3, SealedValues.keyIdOf(sealed));
            st.setString(4, channel);
            st.setString(5, conversationKey);
        });
    }

    /**
     * One statement: heads are locked (skipping those another claim is locking right now) and re-checked once
     * locked, so two instances claiming at once never both get a conversation. The claimant's own conversations
     * come back too, which renews its lease.
     */
    @Override
    public List<byte[]> claim(String claimant, Collection<String> channels, int max, Duration lease) {
        String[] wanted = channels.toArray(String[]::new);
        return jdbc.list("""
                with heads as (
                    select o.id, o.conversation_key from outbox o
                    where o.channel = any(?)
                      and (o.claimed_until is null or o.claimed_until < clock_timestamp() or o.claimed_by = ?)
                      and not exists (select 1 from outbox e where e.conversation_key = o.conversation_key and e.id < o.id)
                    order by o.id
                    limit ?
                    for update skip locked)
                update outbox set claimed_by = ?, claimed_until = clock_timestamp() + make_interval(secs => ?)
                where conversation_key in (select conversation_key from heads)
                returning id, value""", st -> {
            st.setArray(1, st.getConnection().createArrayOf("text", wanted));
            st.setString(2, claimant);
            st.setInt(3, max);
            st.setString(4, claimant);
            st.setDouble(5, lease.toMillis() / 1000.0);
        }, rs -> new Object[] {rs.getLong(1), rs.getBytes(2)}).stream()
                .sorted(java.util.Comparator.comparingLong(r -> (Long) r[0])).map(r -> (byte[]) r[1]).toList();
    }

    /**
     * Rows another transaction holds (the commit marking them delivered, a claim pass) are skipped rather than
     * waited for: a renewal that waits takes part in deadlocks with those (seen with 1,000 users), and a row
     * skipped now is renewed at the next renewal, well within the lease.
     */
    @Override
    public void renew(String claimant, Duration lease) {
        jdbc.update("""
                update outbox set claimed_until = clock_timestamp() + make_interval(secs => ?)
                where id in (select id from outbox where claimed_by = ? for update skip locked)""",
                st -> {
                    st.setDouble(1, lease.toMillis() / 1000.0);
                    st.setString(2, claimant);
                });
    }

    @Override
    public void release(String claimant) {
        jdbc.update("update outbox set claimed_by = null, claimed_until = null where claimed_by = ?",
                st -> st.setString(1, claimant));
    }

    @Override
    public List<Long> unlabelled() {
        return jdbc.list("select id from outbox where conversation_key is null order by id", Jdbc.none(),
                rs -> rs.getLong(1));
    }

    @Override
    public void label(long id, String channel, String conversationKey) {
        jdbc.update("update outbox set channel = ?, conversation_key = ? where id = ?", st -> {
            st.setString(1, channel);
            st.setString(2, conversationKey);
            st.setLong(3, id);
        });
    }
}

-- Any instance delivers the outbox. An instance claims a conversation's pending entries for a while (a lease)
-- before sending them; another instance skips a conversation whose oldest entry is claimed, so each chat is
-- sent in order by one instance at a time. A killed instance's lease runs out and another takes over.
-- channel and conversation_key are routing labels (the tickets table keeps the same key); what was said stays
-- sealed in value. Rows written before this version get their labels when the bot starts (Store.open).
alter table outbox
    add column channel          text,
    add column conversation_key text,
    add column claimed_by       text,
    add column claimed_until    timestamptz;
create index outbox_conversation on outbox (conversation_key, id);

-- Rates shared by every instance (Telegram's 30 messages a second per bot, 20 a minute per group): each bucket
-- is the time at which it would be full again (GCRA), moved forward by every send any instance makes.
create table rate_buckets (
    name text primary key,
    tat  timestamptz not null
);

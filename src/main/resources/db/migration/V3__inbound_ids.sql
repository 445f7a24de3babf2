-- Platform message ids (Telegram update and message ids, Discord message ids, the web chat client's message
-- id) recorded in the turn's transaction: a duplicate delivery that reaches another instance (a webhook retry
-- through the load balancer, a client resending) hits the key and is dropped. seen_at lets old ids be trimmed.
create table inbound_ids (
    conversation_key text        not null,
    message_id       text        not null,
    seen_at          timestamptz not null default now(),
    primary key (conversation_key, message_id)
);
create index inbound_ids_seen on inbound_ids (seen_at);

-- The support-bot store on PostgreSQL. Personal values are sealed per conversation (AES-GCM) and kept as
-- bytea; key_id says which conversation key sealed a record, so erasing one visits only its records.
-- Columns beside a sealed value hold nothing personal.

create table conversations (
    key   text primary key,
    value bytea not null
);

-- One row per turn: its lines' seqs follow from first_seq.
create table transcript (
    conversation_key text   not null,
    first_seq        bigint not null,
    value            bytea  not null,
    primary key (conversation_key, first_seq)
);

create table tickets (
    number           bigint primary key,
    value            bytea   not null,
    key_id           bigint  not null,
    status           text,
    open             boolean not null default true,
    assignee         text,
    category         text,
    conversation_key text
);
create index tickets_open on tickets (number) where open;
create index tickets_open_assignee on tickets (assignee) where open;
create index tickets_status on tickets (status);
create index tickets_category on tickets (category);
create index tickets_conversation on tickets (conversation_key);
create index tickets_key on tickets (key_id);

-- Every ticket change in commit order: staff surfaces follow it with a cursor.
create table ticket_feed (
    seq    bigint primary key,
    number bigint not null
);

create table outbox (
    id     bigint primary key,
    value  bytea  not null,
    key_id bigint not null
);
create index outbox_key on outbox (key_id);

-- Outbox entries no retry can deliver: kept, with the reason, never dropped.
create table undeliverable (
    id     bigint primary key,
    value  bytea  not null,
    key_id bigint not null
);
create index undeliverable_key on undeliverable (key_id);

create table knowledge_gaps (
    id     bigint primary key,
    value  bytea  not null,
    key_id bigint not null
);
create index knowledge_gaps_key on knowledge_gaps (key_id);

create table counters (
    name  text primary key,
    value bigint not null
);

-- Ids that many instances take at once without waiting for each other's commits.
create sequence outbox_ids;
create sequence gap_ids;

create table web_sessions (
    id             text primary key,
    created_millis bigint not null
);
create index web_sessions_created on web_sessions (created_millis);

create table faq_votes (
    key   text primary key,
    count bigint not null
);

create table surface_state (
    key   text primary key,
    value bytea not null
);

create table bans (
    user_id text primary key,
    value   bytea not null
);

-- One data key per conversation; deleting the row destroys it (crypto-shredding).
create table conversation_keys (
    id               bigserial primary key,
    conversation_key text  not null unique,
    key              bytea not null
);

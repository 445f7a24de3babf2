-- Agents' desk sign-ins, shared by every instance. Keyed by the SHA-256 of the session id (the cookie's value),
-- so the table alone signs nobody in.
create table desk_sessions (
    id_hash          text   primary key,
    agent            text   not null,
    last_seen_millis bigint not null
);
create index desk_sessions_last_seen on desk_sessions (last_seen_millis);

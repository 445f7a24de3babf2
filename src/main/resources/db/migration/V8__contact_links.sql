-- A person seen on several platforms: each linked contact (channel + user id, or a web chat's conversation)
-- points at its person. Plain JSON, no user's words: ids, who linked and when.
create table contact_links (
    contact text primary key,
    value   bytea not null
);

-- One-time codes a user asks for with /link, valid for minutes; the key is the code's SHA-256, never the code.
create table link_codes (
    code_hash text primary key,
    value     bytea not null
);

-- Several instances share one database. A turn reads its conversation outside any transaction and writes it
-- in the next group commit; the version it read is checked there (under the conversation's advisory lock), so
-- a turn that ran on state another instance has since changed is run again instead of overwriting it.
-- Versions come from one sequence: a conversation erased and started again never repeats an old version.
create sequence conversation_versions;
alter table conversations add column version bigint not null default nextval('conversation_versions');

-- Ticket numbers handed out by the database, so two instances never give the same number. A turn that is
-- rolled back leaves a gap; that is accepted. Continues after the highest ticket stored (or 1000).
create sequence ticket_numbers minvalue 1 start 1001;
select setval('ticket_numbers', greatest(1000, coalesce((select value from counters where name = 'ticket'), 0)), true);

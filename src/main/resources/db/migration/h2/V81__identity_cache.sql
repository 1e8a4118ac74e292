-- H2 keeps the next value of an identity column in its metadata and writes it back, in a transaction
-- of its own, every CACHE values (32 by default). With WRITE_DELAY=0 (config/application.properties)
-- each of those commits writes a chunk of the database file: in a profile of ./aval bench's import it
-- was 4.5% of the process CPU (org.h2.schema.Sequence.flush under Insert). A larger cache writes it
-- back once per 10,000 rows; a crash skips at most the rest of the cache (ids have gaps, nothing else
-- depends on them being dense). PostgreSQL's sequences are written to its WAL, not affected.
alter table interchange alter column id set cache 10000;
alter table message alter column id set cache 10000;
alter table message_event alter column id set cache 10000;
alter table account_event alter column id set cache 10000;
alter table account_event_line alter column id set cache 10000;
alter table account_fact alter column id set cache 10000;
alter table account_signal alter column id set cache 10000;
alter table signal_notification alter column id set cache 10000;
alter table signal_feedback alter column id set cache 10000;
alter table acknowledgement alter column id set cache 10000;

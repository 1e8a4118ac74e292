-- What an import or a long-lived gateway asks on every unit of work, answered without reading a
-- table whose size grows with the history.
--
-- account_history_stamp: per account, how many events (and ORDERS) its history holds and the highest
-- ids, kept in the transaction that records them (io.aval.signal.AccountHistoryStore#record). The
-- signal engine checks its cached history against this row (one primary-key read) instead of counting
-- the account's events, and moves order silence on from the accounts whose ORDERS count changed
-- instead of reading every order date of every account each business day.
create table account_history_stamp (
    account_id     varchar(64) primary key,
    events         bigint      not null,
    last_event_id  bigint      not null,
    orders         bigint      not null,
    last_order_id  bigint      not null
);
insert into account_history_stamp (account_id, events, last_event_id, orders, last_order_id)
select account_id, count(*), max(id),
       sum(case when message_type = 'ORDERS' then 1 else 0 end),
       coalesce(max(case when message_type = 'ORDERS' then id end), 0)
from account_event group by account_id;
-- the events recorded after the cached ones: a range scan, not a scan of the account
create index ix_account_event_account_id on account_event (account_id, id);
-- "is anything still in progress?" (Gateway#awaitIdle, every 50 ms while ./aval import waits):
-- untapped delivered messages are an index range, not a scan of the journal
drop index message_status_idx;
create index message_pending_idx on message (status, tapped_at);

-- The clock's one row exists from the start, with no business time until the first event. Before, the first
-- tap transactions of two accounts both found no row and both inserted it: one failed on the primary key
-- and was redelivered. Now every transaction that moves the clock locks the same row and waits its turn.
alter table signal_clock alter column business_time drop not null;
insert into signal_clock (id, business_time)
    select 1, null where not exists (select 1 from signal_clock where id = 1);

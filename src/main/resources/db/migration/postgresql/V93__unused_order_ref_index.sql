-- No query reads account events by order reference: the detectors match despatches and invoices to orders in
-- the account history they hold in memory (AccountHistory), and every query on account_event goes by account
-- with its id, date, type or document number. The index was written with each event for nothing (on H2 with
-- WRITE_DELAY=0, its changed pages at every commit of the tap: README "A ninth look"). The column stays.
drop index ix_account_event_order_ref;

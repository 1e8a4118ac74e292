-- Lookups the signal engine makes on every event and every business day, as index scans:
-- "already recorded?" (account, type, document, date) and the order dates of every account.
create index ix_account_event_document on account_event (account_id, message_type, document_number, business_date);
create index ix_account_event_type_account on account_event (message_type, account_id, business_date);

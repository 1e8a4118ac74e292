-- account_event_line had two indexes on event_id: the one H2 makes for the foreign key (V10's "references
-- account_event") and ix_account_event_line_event, created beside it. Every line inserted wrote both, and
-- with WRITE_DELAY=0 every commit writes each changed page of both trees: about one page in forty of an
-- import's commits was this second copy (MVStoreTool -dump of a 400-interchange import, README "A ninth look").
-- The foreign key's index serves the same lookups. PostgreSQL makes no index for a foreign key: its
-- ix_account_event_line_event is the only one there and stays. DuplicateIndexTest fails for a new twin.
drop index ix_account_event_line_event;

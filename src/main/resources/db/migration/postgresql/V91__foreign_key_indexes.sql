-- PostgreSQL does not index a foreign key's column by itself (H2 makes an index for every foreign key, so
-- its migrations need none). Without these, reading an interchange's messages (Journal.pendingOf,
-- messageSeqs, messagesOf: at every stage) read the whole message table, and deleting a message or an
-- interchange (purge) checked each referencing table by reading all of it.
-- ForeignKeyIndexesPostgresIT fails for a foreign key added without its index.
CREATE INDEX message_interchange_idx ON message (interchange_id);
CREATE INDEX message_event_message_idx ON message_event (message_id);
CREATE INDEX interchange_reference_interchange_idx ON interchange_reference (interchange_id);
CREATE INDEX acknowledgement_contrl_message_idx ON acknowledgement (contrl_message_id);
CREATE INDEX contrl_reply_contrl_interchange_idx ON contrl_reply (contrl_interchange_id);
CREATE INDEX contrl_reply_contrl_message_idx ON contrl_reply (contrl_message_id);

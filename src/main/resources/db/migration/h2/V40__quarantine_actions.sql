-- Quarantine you can act on (./aval quarantine): who took an action on a journal entry
-- (reprocess, discard; NULL for the gateway's own steps), and which quarantined interchange a
-- re-run interchange was copied from.
ALTER TABLE message_event ADD COLUMN actor VARCHAR(128);
ALTER TABLE interchange ADD COLUMN reprocess_of BIGINT REFERENCES interchange (id);
CREATE INDEX interchange_reprocess_of_idx ON interchange (reprocess_of);

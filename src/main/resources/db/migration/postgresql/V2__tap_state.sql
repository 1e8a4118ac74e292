-- When the signal side has taken a delivered or archived message into the account's history;
-- an import waits for it, so that `./aval signals` right after an import is complete.
ALTER TABLE message ADD COLUMN tapped_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE message ADD COLUMN tap_note VARCHAR(1000);

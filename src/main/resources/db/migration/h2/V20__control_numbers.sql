-- Interchange control numbers (UNB/UNZ 0020) per partner, owned by io.aval.partner.ControlNumberSequence.
-- One row per sequence key; the value only ever grows (UPDATE last_value = last_value + 1 under the row lock).
CREATE TABLE aval_control_number (
    sequence_key VARCHAR(120) NOT NULL PRIMARY KEY,
    last_value   BIGINT       NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT aval_control_number_positive CHECK (last_value > 0)
);

-- Raw interchanges too large to hold in memory (a 200 MB interchange under a 512 MB heap) are kept
-- as a table of chunks, written and read one chunk at a time (io.aval.journal.Journal#recordReceived
-- from a stream, Journal#openRaw). PostgreSQL's JDBC driver reads a BYTEA back whole, so the chunks are
-- what keeps memory bounded there; H2 has the same table so both databases take one code path.
-- interchange_chunk: the bytes of interchange interchange_id from seq * Journal.CHUNK_BYTES on, seq
-- 0 … raw_chunks - 1; every chunk but the last holds exactly CHUNK_BYTES (1 MiB) bytes.
-- raw_chunks: 0 = the bytes are inline in raw_bytes (every interchange before V70, and every one up to
-- Journal.INLINE_RAW_BYTES since); n > 0 = raw_bytes is empty and the bytes are in n chunks.
-- VARBINARY, not BLOB as raw_bytes since V60: the values that corrupted MVStore were 10 MB and more;
-- 200 MB in 1 MiB chunks read back intact after a restart (H2 2.3.232), and a VARBINARY needs no LOB
-- handle that must be read before its transaction ends.
CREATE TABLE interchange_chunk (
    interchange_id  BIGINT     NOT NULL REFERENCES interchange (id),
    seq             INT        NOT NULL,
    bytes           VARBINARY  NOT NULL,
    PRIMARY KEY (interchange_id, seq)
);
ALTER TABLE interchange ADD COLUMN raw_chunks INT DEFAULT 0 NOT NULL;

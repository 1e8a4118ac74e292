-- H2 keeps a CLOB or BLOB of up to MAX_LENGTH_INPLACE_LOB bytes in its row and anything longer in its
-- LOB storage: four maps of its own, a temporary copy while the value is bound and a cleaner thread.
-- The default of 256 sent every message's raw text (message.raw_text, hundreds of bytes) and every
-- interchange's raw bytes there: in a profile of ./aval bench's import, LOB storage and the pages of its
-- maps written at each commit were about a tenth of the process CPU. 64 KiB keeps ordinary messages and
-- interchanges in their rows; larger ones (up to Journal.INLINE_RAW_BYTES, then chunks) still go to LOB
-- storage, so no row holds a value large enough for the page trouble V60 describes. The setting is
-- persistent; values already stored keep their place. PostgreSQL has TEXT and BYTEA, not affected.
SET MAX_LENGTH_INPLACE_LOB 65536;

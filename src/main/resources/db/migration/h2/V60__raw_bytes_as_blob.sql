-- Raw interchanges of several megabytes (a 10 MB segment, a million-segment message) stored inline
-- as VARBINARY made H2's MVStore report "File corrupted in chunk …, expected page length 4..4" on
-- the next read (H2 2.5.252). As a BLOB the bytes live in H2's LOB storage, outside the row pages.
-- PostgreSQL keeps BYTEA (TOAST stores large values out of line already).
ALTER TABLE interchange ALTER COLUMN raw_bytes SET DATA TYPE BLOB;

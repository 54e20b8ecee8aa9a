-- A file's plain SHA-256 let whoever holds a dump confirm that a known document (a contract handed
-- to a victim) was reported. The digest shown to officers and the tipster is now encrypted like the
-- file (sha256_enc), and content_hash is a keyed hash (HMAC-SHA256, key outside the database) of the
-- stored file, as for identifiers: it can match the same file without revealing it.
-- Existing rows cannot be converted in SQL (the key is not in the database): the old column stays,
-- nullable, until org.vigil.tip.AttachmentDigests has recomputed both values from the decrypted file
-- and emptied it; a later migration drops it.
ALTER TABLE tip_attachment
    MODIFY COLUMN sha256 BINARY(32) NULL,
    ADD COLUMN sha256_enc VARBINARY(128) NULL AFTER sha256,
    ADD COLUMN content_hash BINARY(32) NULL AFTER sha256_enc;

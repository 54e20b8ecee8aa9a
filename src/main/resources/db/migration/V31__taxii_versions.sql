-- The TAXII 2.1 server (org.vigil.partner.TaxiiResource) serves every version of an indicator and
-- finds one by its STIX id.
--
-- A version is the history line that moved the indicator's updated_at (published, confirmed, delisted,
-- expired): the collection is read in the order versions were added, keyset over (at, id).
CREATE INDEX ix_indicator_event_at ON indicator_event (at, id);

-- The STIX id ("indicator--" and the UUIDv5 of "vigil-indicator:<id>" in the feed's namespace), set at
-- publication (org.vigil.indicator.StixFeed.stixId), so that match[id] and an object's address find
-- the row. Rows published before this migration get it here, by the same computation in SQL: SHA-1
-- of namespace and name, version nibble 5, variant bits 10.
ALTER TABLE indicator ADD COLUMN stix_id VARCHAR(47) NULL,
    ADD CONSTRAINT uk_indicator_stix UNIQUE (stix_id);

UPDATE indicator
   SET stix_id = SHA1(CONCAT(UNHEX('0d7a4b2e8f3c4e55a1d693c2f0e7b845'), 'vigil-indicator:', id))
 WHERE published_at IS NOT NULL;

UPDATE indicator
   SET stix_id = CONCAT('indicator--', SUBSTR(stix_id, 1, 8), '-', SUBSTR(stix_id, 9, 4), '-5',
                        SUBSTR(stix_id, 14, 3), '-',
                        LOWER(CONV((CONV(SUBSTR(stix_id, 17, 1), 16, 10) & 3) | 8, 10, 16)),
                        SUBSTR(stix_id, 18, 3), '-', SUBSTR(stix_id, 21, 12))
 WHERE stix_id IS NOT NULL;

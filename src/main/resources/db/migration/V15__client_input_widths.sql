-- Columns that a client's longest valid input must fit (org.vigil.platform.LongestValidInputTest).
-- An audit detail may copy client input: 20 labels of 40 characters with their separators are 838
-- characters, more than the 200 the column held (the action then failed with a 500). The entity
-- still cuts any detail to this width (AuditEntry.fitDetail), so a new kind of detail cannot fail.
ALTER TABLE triage_audit MODIFY detail VARCHAR(1000) NULL;

-- Labels are compared as the service dedupes them (exact, after NFC and lower case): under the
-- accent-insensitive collation 'lua' and 'lúa', or 'ss' and 'ß', collided in the primary key (a 500).
ALTER TABLE tip_label MODIFY label VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

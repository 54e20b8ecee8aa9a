-- Columns that a client's longest valid input must fit (org.vigil.platform.LongestValidInputTest).
-- An audit detail may copy client input: 20 labels of 40 characters with their separators are 838
-- characters, more than the 200 the column held (the action then failed with a 500). The entity
-- still cuts any detail to this width (AuditEntry.fitDetail), so a new kind of detail cannot fail.
ALTER TABLE triage_audit MODIFY detail VARCHAR(1000) NULL;

-- Labels are compared as the service dedupes them (exact, after NFC and lower case): under the
-- accent-insensitive collation 'lua' and 'lúa', or 'ss' and 'ß', collided in the primary key (a 500).
ALTER TABLE tip_label MODIFY label VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;

-- Staff names (the token's upn) up to 255 characters, Keycloak's longest user name (StaffName): a
-- longer name is refused at the door instead of failing, or being cut in, every recorded action.
ALTER TABLE tip_triage MODIFY assignee VARCHAR(255) NULL;
ALTER TABLE tip_note MODIFY author VARCHAR(255) NOT NULL;
ALTER TABLE triage_audit MODIFY actor VARCHAR(255) NOT NULL;
ALTER TABLE indicator MODIFY proposed_by VARCHAR(255) NOT NULL, MODIFY verified_by VARCHAR(255) NULL,
    MODIFY closed_by VARCHAR(255) NULL;
ALTER TABLE indicator_event MODIFY actor VARCHAR(255) NOT NULL;
ALTER TABLE indicator_dispute MODIFY decided_by VARCHAR(255) NULL;

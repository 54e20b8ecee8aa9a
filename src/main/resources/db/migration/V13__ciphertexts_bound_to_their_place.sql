-- Ciphertexts bound to their place (org.vigil.platform.crypto.Aad): AES-GCM's associated data now
-- names table, column and row, so a value moved to another row or column does not decrypt. Rows are
-- named by keys that exist before their INSERT: a tip by its reference, an identifier by tip and
-- position, the others by this random row_key (filled here for existing rows; unique, so two rows
-- never share a name). Existing version-1 values are rewritten by UnboundRewrite at startup.
ALTER TABLE tip_message ADD COLUMN row_key BINARY(16) NULL;
UPDATE tip_message SET row_key = UNHEX(REPLACE(UUID(), '-', ''));
ALTER TABLE tip_message MODIFY row_key BINARY(16) NOT NULL, ADD CONSTRAINT uk_tip_message_row_key UNIQUE (row_key);

ALTER TABLE tip_attachment ADD COLUMN row_key BINARY(16) NULL;
UPDATE tip_attachment SET row_key = UNHEX(REPLACE(UUID(), '-', ''));
ALTER TABLE tip_attachment MODIFY row_key BINARY(16) NOT NULL, ADD CONSTRAINT uk_tip_attachment_row_key UNIQUE (row_key);

ALTER TABLE tip_note ADD COLUMN row_key BINARY(16) NULL;
UPDATE tip_note SET row_key = UNHEX(REPLACE(UUID(), '-', ''));
ALTER TABLE tip_note MODIFY row_key BINARY(16) NOT NULL, ADD CONSTRAINT uk_tip_note_row_key UNIQUE (row_key);

ALTER TABLE indicator ADD COLUMN row_key BINARY(16) NULL;
UPDATE indicator SET row_key = UNHEX(REPLACE(UUID(), '-', ''));
ALTER TABLE indicator MODIFY row_key BINARY(16) NOT NULL, ADD CONSTRAINT uk_indicator_row_key UNIQUE (row_key);

ALTER TABLE indicator_dispute ADD COLUMN row_key BINARY(16) NULL;
UPDATE indicator_dispute SET row_key = UNHEX(REPLACE(UUID(), '-', ''));
ALTER TABLE indicator_dispute MODIFY row_key BINARY(16) NOT NULL, ADD CONSTRAINT uk_indicator_dispute_row_key UNIQUE (row_key);

ALTER TABLE tip_identifier ADD CONSTRAINT uk_tip_identifier_position UNIQUE (tip_id, position);

-- The receipt kept for idempotent retries is now encrypted under a key derived (HKDF) from the
-- client's Idempotency-Key and receipt_salt, which no service key opens. The records written under
-- the service key cannot be converted (the Idempotency-Key is not stored): they go now rather than
-- at their expiry within 24 hours; a retry of such a request makes a new tip.
DELETE FROM tip_idempotency;
ALTER TABLE tip_idempotency ADD COLUMN receipt_salt BINARY(16) NOT NULL;

-- Retention by status: a REFERRED tip's period runs from its referral, kept in closed_at like the
-- closing of CLOSED and REJECTED tips. Tips referred before this have no such time; their last
-- update (never earlier than the referral) stands in.
UPDATE tip_triage tt JOIN tip t ON t.id = tt.tip_id SET tt.closed_at = t.updated_at
    WHERE t.status = 'REFERRED' AND tt.closed_at IS NULL;

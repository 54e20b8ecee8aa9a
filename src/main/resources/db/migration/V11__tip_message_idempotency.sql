-- A tipster's message sent with an Idempotency-Key keeps the key's keyed hash, so a retry of the
-- same message on a flaky connection adds nothing (one message per key and tip).
ALTER TABLE tip_message
    ADD COLUMN idempotency_key_hash BINARY(32) NULL,
    ADD CONSTRAINT uk_tip_message_idempotency UNIQUE (tip_id, idempotency_key_hash);

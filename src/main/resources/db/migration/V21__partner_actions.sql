-- What a partner organisation did about an indicator it received (org.vigil.partner.PartnerAction):
-- the police see who acted, how and how long after publication; the public statistics count the
-- time to first action per sector. The note may name the organisation's customer: encrypted like
-- tip content, bound to its row (row_key). One row per Idempotency-Key of an organisation: a retried
-- report is answered with the first one.
CREATE TABLE partner_action (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organisation         VARCHAR(64)   NOT NULL,
    indicator_id         BIGINT        NOT NULL,
    kind                 VARCHAR(32)   NOT NULL,
    acted_at             DATETIME(6)   NOT NULL,
    their_reference      VARCHAR(100)  NULL,
    note_enc             BLOB          NULL,
    reported_by          VARCHAR(255)  NOT NULL,
    reported_at          DATETIME(6)   NOT NULL,
    idempotency_key_hash BINARY(32)    NOT NULL,
    request_hash         BINARY(32)    NOT NULL,
    row_key              BINARY(16)    NOT NULL,
    CONSTRAINT fk_partner_action_organisation FOREIGN KEY (organisation) REFERENCES partner_organisation (code),
    CONSTRAINT fk_partner_action_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id),
    CONSTRAINT uk_partner_action_idempotency UNIQUE (organisation, idempotency_key_hash),
    INDEX ix_partner_action_indicator (indicator_id, acted_at),
    INDEX ix_partner_action_organisation (organisation, acted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

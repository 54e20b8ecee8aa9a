-- Scam indicators (org.vigil.indicator): phone numbers, bank accounts, e-wallets and link domains
-- that the police have verified and published, for the public check and the partner feed.
--
-- value_hash is the same keyed hash (HMAC-SHA256, key outside the database) as
-- tip_identifier.normalized_hash of the same normalised identifier, so a check or a tip matches by
-- hash. value_enc holds the normalised value, AES-GCM encrypted like tip content: a proposal is an
-- unproven accusation against a number that may be innocent, and a delisted one must not linger in
-- clear; the partner feed decrypts what it delivers.
CREATE TABLE indicator (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    type            VARCHAR(16)   NOT NULL,
    value_hash      BINARY(32)    NOT NULL,
    value_enc       BLOB          NOT NULL,
    scam_types      VARCHAR(400)  NOT NULL,
    evidence_enc    BLOB          NULL,
    source_tip      CHAR(11)      NULL,
    status          VARCHAR(16)   NOT NULL,
    proposed_by     VARCHAR(128)  NOT NULL,
    proposed_at     DATETIME(6)   NOT NULL,
    verified_by     VARCHAR(128)  NULL,
    published_at    DATETIME(6)   NULL,
    expires_at      DATETIME(6)   NULL,
    closed_by       VARCHAR(128)  NULL,
    closed_reason   VARCHAR(500)  NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    -- at most one open (proposed or published) indicator per value; closed ones stay as history
    open_hash       BINARY(32)    AS (IF(status IN ('PROPOSED', 'PUBLISHED'), value_hash, NULL)) PERSISTENT,
    CONSTRAINT uk_indicator_open UNIQUE (open_hash),
    CONSTRAINT ck_indicator_status CHECK (status IN ('PROPOSED', 'PUBLISHED', 'REJECTED', 'DELISTED', 'EXPIRED')),
    CONSTRAINT ck_indicator_published CHECK (status IN ('PROPOSED', 'REJECTED')
        OR (published_at IS NOT NULL AND expires_at IS NOT NULL)),
    INDEX ix_indicator_lookup (value_hash, status, expires_at),
    -- the partner feed: keyset over (updated_at, id)
    INDEX ix_indicator_feed (updated_at, id),
    INDEX ix_indicator_status (status, id),
    INDEX ix_indicator_expiry (status, expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

-- The history of each indicator, append-only: who proposed, verified, rejected, delisted, what a
-- dispute changed, when it expired. The application only ever INSERTs here.
CREATE TABLE indicator_event (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    indicator_id    BIGINT        NOT NULL,
    action          VARCHAR(24)   NOT NULL,
    actor           VARCHAR(128)  NOT NULL,
    detail          VARCHAR(600)  NULL,
    at              DATETIME(6)   NOT NULL,
    CONSTRAINT fk_indicator_event_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id),
    INDEX ix_indicator_event_indicator (indicator_id, id),
    INDEX ix_indicator_event_actor (actor, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

-- A holder's objection to a listed value. Anonymous like a tip: no address, user agent or device
-- id; the statement and an optional contact are encrypted; received_at has minute precision.
CREATE TABLE indicator_dispute (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    indicator_id    BIGINT        NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    statement_enc   BLOB          NOT NULL,
    contact_enc     BLOB          NULL,
    language        VARCHAR(12)   NOT NULL,
    received_at     DATETIME(6)   NOT NULL,
    decided_by      VARCHAR(128)  NULL,
    decided_at      DATETIME(6)   NULL,
    decision_reason VARCHAR(500)  NULL,
    CONSTRAINT fk_indicator_dispute_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id),
    CONSTRAINT ck_indicator_dispute_status CHECK (status IN ('OPEN', 'UPHELD', 'REJECTED')),
    INDEX ix_indicator_dispute_status (status, id),
    INDEX ix_indicator_dispute_indicator (indicator_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

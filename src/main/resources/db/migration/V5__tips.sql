-- Anonymous tips. Nothing here identifies a tipster: no address, user agent or device id is a
-- column anywhere. Sensitive text and files are AES-GCM ciphertext (*_enc); hashes are HMAC-SHA256
-- under a secret held outside the database (see org.vigil.platform.crypto).
CREATE TABLE tip (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    reference       CHAR(11)     NOT NULL,
    receipt_hash    BINARY(32)   NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    category        VARCHAR(32)  NOT NULL,
    in_danger_now   BOOLEAN      NOT NULL,
    incident_date   DATE         NULL,
    region_code     VARCHAR(16)  NULL,
    place_enc       BLOB         NULL,
    narrative_enc   MEDIUMBLOB   NOT NULL,
    contact_enc     BLOB         NULL,
    language        VARCHAR(12)  NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_tip_reference UNIQUE (reference),
    INDEX ix_tip_status_created (status, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

CREATE TABLE tip_identifier (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tip_id          BIGINT       NOT NULL,
    position        INT          NOT NULL,
    type            VARCHAR(20)  NOT NULL,
    value_enc       BLOB         NOT NULL,
    normalized_hash BINARY(32)   NOT NULL,
    CONSTRAINT fk_tip_identifier_tip FOREIGN KEY (tip_id) REFERENCES tip (id) ON DELETE CASCADE,
    INDEX ix_tip_identifier_hash (normalized_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

CREATE TABLE tip_message (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tip_id          BIGINT       NOT NULL,
    author          VARCHAR(16)  NOT NULL,
    body_enc        BLOB         NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_tip_message_tip FOREIGN KEY (tip_id) REFERENCES tip (id) ON DELETE CASCADE,
    INDEX ix_tip_message_tip (tip_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

CREATE TABLE tip_attachment (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tip_id          BIGINT       NOT NULL,
    name_enc        BLOB         NOT NULL,
    media_type      VARCHAR(64)  NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    sha256          BINARY(32)   NOT NULL,
    location_kept   BOOLEAN      NOT NULL,
    content_enc     LONGBLOB     NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_tip_attachment_tip FOREIGN KEY (tip_id) REFERENCES tip (id) ON DELETE CASCADE,
    INDEX ix_tip_attachment_tip (tip_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

-- Retried submissions: key_hash is the keyed hash (hex) of the client's Idempotency-Key, request_hash
-- that of the request; receipt_enc lets a retry answer with a receipt that works. Rows expire.
CREATE TABLE tip_idempotency (
    key_hash        CHAR(64)     NOT NULL PRIMARY KEY,
    request_hash    BINARY(32)   NOT NULL,
    tip_id          BIGINT       NOT NULL,
    receipt_enc     VARBINARY(255) NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_tip_idempotency_tip FOREIGN KEY (tip_id) REFERENCES tip (id) ON DELETE CASCADE,
    INDEX ix_tip_idempotency_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

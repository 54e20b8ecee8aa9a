-- Partner organisations (org.vigil.partner): the banks, telecom operators, platforms and registrars
-- allowed to read the partner feed. A partner token names its organisation by a claim
-- (vigil.partner.organisation-claim); a token naming none of these rows, or a disabled one, gets 403.
-- indicator_types lists the indicator types the organisation receives (codes, comma-separated).
CREATE TABLE partner_organisation (
    code            VARCHAR(64)   NOT NULL PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    sector          VARCHAR(16)   NOT NULL,
    enabled         BOOLEAN       NOT NULL,
    indicator_types VARCHAR(100)  NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT ck_partner_organisation_sector CHECK (sector IN ('bank', 'telecom', 'platform', 'registrar'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

-- What partners did, append-only: every read of the feed and every action report, by organisation
-- and by the token's user; admins' changes to the list of organisations too.
CREATE TABLE partner_audit (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organisation    VARCHAR(64)   NOT NULL,
    actor           VARCHAR(255)  NOT NULL,
    action          VARCHAR(24)   NOT NULL,
    detail          VARCHAR(1000) NULL,
    at              DATETIME(6)   NOT NULL,
    INDEX ix_partner_audit_organisation (organisation, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

-- Police triage of tips (org.vigil.triage). The tip's status stays in tip.status (the tipster's
-- coarse status is derived from it); what only the police see lives here.

-- One row per tip that an officer has worked on; created on first use (INSERT IGNORE).
-- A claim is a conditional UPDATE ... WHERE assignee IS NULL, so two claims never both win.
CREATE TABLE tip_triage (
    tip_id          BIGINT       NOT NULL PRIMARY KEY,
    assignee        VARCHAR(128) NULL,
    claimed_at      DATETIME(6)  NULL,
    priority        VARCHAR(8)   NOT NULL DEFAULT 'NORMAL',
    rejection       VARCHAR(16)  NULL,
    duplicate_of    CHAR(11)     NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_tip_triage_tip FOREIGN KEY (tip_id) REFERENCES tip (id) ON DELETE CASCADE,
    INDEX ix_tip_triage_assignee (assignee)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

CREATE TABLE tip_label (
    tip_id          BIGINT       NOT NULL,
    label           VARCHAR(40)  NOT NULL,
    PRIMARY KEY (tip_id, label),
    CONSTRAINT fk_tip_label_tip FOREIGN KEY (tip_id) REFERENCES tip (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

-- Internal notes: encrypted like the tip, never shown to the tipster.
CREATE TABLE tip_note (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tip_id          BIGINT       NOT NULL,
    author          VARCHAR(128) NOT NULL,
    body_enc        BLOB         NOT NULL,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_tip_note_tip FOREIGN KEY (tip_id) REFERENCES tip (id) ON DELETE CASCADE,
    INDEX ix_tip_note_tip (tip_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

-- Append-only record of police access: the application only ever INSERTs here. No foreign key,
-- so the record outlives a tip's content; the reference is kept for reading the log.
CREATE TABLE triage_audit (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tip_id          BIGINT       NOT NULL,
    reference       CHAR(11)     NOT NULL,
    actor           VARCHAR(128) NOT NULL,
    action          VARCHAR(24)  NOT NULL,
    detail          VARCHAR(200) NULL,
    at              DATETIME(6)  NOT NULL,
    INDEX ix_triage_audit_tip (tip_id, id),
    INDEX ix_triage_audit_actor (actor, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

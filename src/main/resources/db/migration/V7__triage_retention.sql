-- Retention: a closed or rejected tip loses its content after vigil.triage.retention.days unless
-- a supervisor put it on legal hold; its statistics (category, region, dates, outcome) remain.
ALTER TABLE tip_triage
    ADD COLUMN closed_at         DATETIME(6) NULL,
    ADD COLUMN legal_hold        BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN content_purged_at DATETIME(6) NULL,
    ADD INDEX ix_tip_triage_retention (content_purged_at, legal_hold, closed_at);

-- Decided disputes keep their statement and contact only for vigil.indicator.dispute-retention.days
-- (org.vigil.indicator.DisputeRetention); the decision, its dates and the indicator's history stay.
ALTER TABLE indicator_dispute
    ADD COLUMN content_purged_at DATETIME(6) NULL,
    ADD INDEX ix_indicator_dispute_retention (content_purged_at, decided_at);

-- Urgent indicators and their push to partners (issue 17).
--
-- A supervisor may publish a tip-in-danger's identifier at once as urgent (org.vigil.indicator):
-- it is listed only until urgent_confirm_by (expires_at) unless a second supervisor confirms it by
-- then; confirmed, it is listed until urgent_expires_at (at most 14 days). Unconfirmed, it lapses
-- like any expired indicator: the check and the feed go by expires_at, the expiry job marks it.
ALTER TABLE indicator
    ADD COLUMN urgent_confirm_by   DATETIME(6)  NULL,
    ADD COLUMN urgent_expires_at   DATETIME(6)  NULL,
    ADD COLUMN urgent_confirmed_by VARCHAR(128) NULL,
    ADD COLUMN urgent_confirmed_at DATETIME(6)  NULL,
    ADD CONSTRAINT ck_indicator_urgent CHECK (urgent_confirm_by IS NULL OR urgent_expires_at IS NOT NULL);

-- A partner organisation's webhook for urgent pushes (org.vigil.partner.PartnerWebhook), registered
-- by an admin. The secret signs every push (HMAC-SHA256): encrypted like tip content, bound to its
-- row (row_key). A new secret is a new row.
CREATE TABLE partner_webhook (
    organisation    VARCHAR(64)   NOT NULL PRIMARY KEY,
    url             VARCHAR(2000) NOT NULL,
    secret_enc      BLOB          NOT NULL,
    row_key         BINARY(16)    NOT NULL,
    created_by      VARCHAR(255)  NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT fk_partner_webhook_organisation FOREIGN KEY (organisation) REFERENCES partner_organisation (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

-- The outbox now feeds two sinks: the case system (RabbitMQ, as before) and partners' webhooks, one
-- event per organisation (destination = its code). Each relay claims its own sink's due events; the
-- index keeps the claim's order per sink, so a FOR UPDATE still stops after its batch.
ALTER TABLE outbox_event
    ADD COLUMN sink        VARCHAR(16) NOT NULL DEFAULT 'case-system',
    ADD COLUMN destination VARCHAR(64) NULL,
    DROP INDEX ix_outbox_due,
    ADD INDEX ix_outbox_due (sink, state, urgent DESC, id);

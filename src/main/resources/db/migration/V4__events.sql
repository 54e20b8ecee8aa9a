-- Campaign events (rallies, school talks, meetings with fishermen...). One row per event in one
-- language. The editor's wall-clock time (local_start/local_end in time_zone) is the truth;
-- starts_at/ends_at are the same moments in UTC, kept for filtering and ordering.
CREATE TABLE campaign_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    slug        VARCHAR(80)   NOT NULL,
    lang        VARCHAR(12)   NOT NULL,
    title       VARCHAR(200)  NOT NULL,
    description VARCHAR(5000) NULL,
    status      VARCHAR(16)   NOT NULL,
    local_start DATETIME      NOT NULL,
    local_end   DATETIME      NOT NULL,
    time_zone   VARCHAR(64)   NOT NULL,
    starts_at   DATETIME(6)   NOT NULL,
    ends_at     DATETIME(6)   NOT NULL,
    venue       VARCHAR(200)  NULL,
    address     VARCHAR(300)  NULL,
    latitude    DOUBLE        NULL,
    longitude   DOUBLE        NULL,
    region      VARCHAR(64)   NULL,
    organiser   VARCHAR(200)  NULL,
    audience    VARCHAR(500)  NOT NULL DEFAULT '',
    campaign    VARCHAR(64)   NULL,
    created_at  DATETIME(6)   NOT NULL,
    updated_at  DATETIME(6)   NOT NULL,
    -- optimistic lock and the iCalendar SEQUENCE: raised on every change
    version     BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_campaign_event_slug UNIQUE (slug),
    CONSTRAINT fk_campaign_event_lang FOREIGN KEY (lang) REFERENCES language (code),
    CONSTRAINT ck_campaign_event_status CHECK (status IN ('scheduled', 'postponed', 'cancelled')),
    CONSTRAINT ck_campaign_event_times CHECK (ends_at > starts_at),
    CONSTRAINT ck_campaign_event_coordinates CHECK ((latitude IS NULL) = (longitude IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

-- public lists and the calendar feed: one language, ordered by start, cut by end
CREATE INDEX ix_campaign_event_lang_start ON campaign_event (lang, starts_at, id);
CREATE INDEX ix_campaign_event_lang_end ON campaign_event (lang, ends_at);
CREATE INDEX ix_campaign_event_campaign ON campaign_event (campaign, starts_at);

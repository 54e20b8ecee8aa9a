-- Scam-pattern checklists: red-flag questions a citizen answers to see how risky a situation is.
-- Risk bands are columns (always exactly three); items and related articles are ordered child rows,
-- replaced as a whole when an editor saves.
CREATE TABLE checklist (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    slug                VARCHAR(120)  NOT NULL,
    lang                VARCHAR(12)   NOT NULL,
    translation_key     VARCHAR(120)  NOT NULL,
    scam_type           VARCHAR(40)   NOT NULL,
    title               VARCHAR(200)  NOT NULL,
    introduction        TEXT          NOT NULL,
    low_advice          TEXT          NOT NULL,
    medium_min_percent  INT           NOT NULL,
    medium_advice       TEXT          NOT NULL,
    high_min_percent    INT           NOT NULL,
    high_advice         TEXT          NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    published_at        DATETIME(6)   NULL,
    created_at          DATETIME(6)   NOT NULL,
    updated_at          DATETIME(6)   NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT uk_checklist_slug UNIQUE (slug),
    CONSTRAINT uk_checklist_translation UNIQUE (translation_key, lang),
    CONSTRAINT fk_checklist_language FOREIGN KEY (lang) REFERENCES language (code),
    CONSTRAINT ck_checklist_bands CHECK (0 < medium_min_percent AND medium_min_percent < high_min_percent AND high_min_percent <= 100),
    INDEX ix_checklist_public (status, lang, published_at, id),
    INDEX ix_checklist_scam_type (scam_type, status, lang)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

CREATE TABLE checklist_item (
    checklist_id  BIGINT        NOT NULL,
    position      INT           NOT NULL,
    item_key      VARCHAR(60)   NOT NULL,
    text          VARCHAR(500)  NOT NULL,
    weight        INT           NOT NULL,
    PRIMARY KEY (checklist_id, position),
    CONSTRAINT uk_checklist_item_key UNIQUE (checklist_id, item_key),
    CONSTRAINT fk_checklist_item_checklist FOREIGN KEY (checklist_id) REFERENCES checklist (id) ON DELETE CASCADE,
    CONSTRAINT ck_checklist_item_weight CHECK (weight BETWEEN 1 AND 10)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

-- Slugs of articles (content feature) shown as further reading; no foreign key, so that
-- checklists and articles can be published independently.
CREATE TABLE checklist_related_article (
    checklist_id  BIGINT        NOT NULL,
    position      INT           NOT NULL,
    article_slug  VARCHAR(160)  NOT NULL,
    PRIMARY KEY (checklist_id, position),
    CONSTRAINT fk_checklist_related_checklist FOREIGN KEY (checklist_id) REFERENCES checklist (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

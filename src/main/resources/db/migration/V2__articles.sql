-- Categories are data like languages: a new one is an INSERT, and the API validates against this table.
CREATE TABLE article_category (
    code     VARCHAR(40) NOT NULL PRIMARY KEY,
    position INT         NOT NULL DEFAULT 100
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

INSERT INTO article_category (code, position) VALUES
    ('human-trafficking', 1),
    ('online-fraud', 2),
    ('illegal-exit', 3),
    ('forced-labour', 4);

-- Articles are never removed: withdrawing or deleting changes status, so that delta sync can send
-- tombstones. The accent-insensitive collation makes LIKE searches find 'lừa đảo' for 'lua dao'.
CREATE TABLE article (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    slug            VARCHAR(120)  NOT NULL,
    lang            VARCHAR(12)   NOT NULL,
    translation_key VARCHAR(120)  NULL,
    category        VARCHAR(40)   NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    summary         VARCHAR(1000) NOT NULL,
    body_markdown   MEDIUMTEXT    NOT NULL,
    body_html       MEDIUMTEXT    NOT NULL,
    source          VARCHAR(200)  NOT NULL,
    author          VARCHAR(200)  NULL,
    licence         VARCHAR(100)  NULL,
    canonical_url   VARCHAR(500)  NULL,
    status          VARCHAR(16)   NOT NULL,
    created_at      DATETIME(6)   NOT NULL,
    updated_at      DATETIME(6)   NOT NULL,
    published_at    DATETIME(6)   NULL,
    version         BIGINT        NOT NULL,
    CONSTRAINT uk_article_slug UNIQUE (slug),
    CONSTRAINT uk_article_translation UNIQUE (translation_key, lang),
    CONSTRAINT fk_article_lang FOREIGN KEY (lang) REFERENCES language (code),
    CONSTRAINT fk_article_category FOREIGN KEY (category) REFERENCES article_category (code),
    INDEX ix_article_published (lang, status, published_at, id),
    INDEX ix_article_updated (lang, updated_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

CREATE TABLE article_tag (
    article_id BIGINT      NOT NULL,
    position   INT         NOT NULL,
    tag        VARCHAR(40) NOT NULL,
    PRIMARY KEY (article_id, position),
    INDEX ix_article_tag (tag, article_id),
    CONSTRAINT fk_article_tag_article FOREIGN KEY (article_id) REFERENCES article (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

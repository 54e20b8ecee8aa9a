-- Languages are data: adding one (Cham, Raglai, ...) is an INSERT, not a code change.
CREATE TABLE language (
    code         VARCHAR(12)  NOT NULL PRIMARY KEY,
    english_name VARCHAR(64)  NOT NULL,
    native_name  VARCHAR(64)  NOT NULL,
    enabled      BOOLEAN      NOT NULL DEFAULT TRUE,
    position     INT          NOT NULL DEFAULT 100
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci;

INSERT INTO language (code, english_name, native_name, enabled, position) VALUES
    ('vi', 'Vietnamese', 'Tiếng Việt', TRUE, 1),
    ('en', 'English', 'English', TRUE, 2);

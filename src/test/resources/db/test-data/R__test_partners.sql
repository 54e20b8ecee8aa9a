-- Tests only: the organisation that testsupport.Tokens names in every partner token.
INSERT IGNORE INTO partner_organisation (code, name, sector, enabled, indicator_types, created_at, updated_at)
VALUES ('test-bank', 'Test Bank', 'bank', TRUE, 'phone,bank-account,e-wallet,url', NOW(6), NOW(6));

-- The built-in development provider's authorization codes, in the database so that several
-- server processes behind one address redeem each other's codes. Empty unless
-- ALARMIS_DEV_IDP=on. A code is deleted when redeemed; `issued_at` is in Unix seconds.
CREATE TABLE dev_idp_codes (
    code TEXT PRIMARY KEY,
    subject TEXT NOT NULL,
    acr TEXT NOT NULL,
    nonce TEXT,
    code_challenge TEXT NOT NULL,
    issued_at BIGINT NOT NULL
);

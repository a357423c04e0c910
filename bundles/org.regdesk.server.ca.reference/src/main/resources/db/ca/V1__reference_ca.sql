-- The reference CA's own tables (history: reference_ca_schema_history). Portable between H2
-- (MODE=PostgreSQL) and PostgreSQL 15+. Serials are upper-case hex; certificates base64 DER.

CREATE TABLE ca_certificates (
    ca_id       VARCHAR(64)   NOT NULL,
    serial      VARCHAR(64)   NOT NULL,
    holder_tckn VARCHAR(11)   NOT NULL,
    card_serial VARCHAR(32),
    key_type    VARCHAR(16)   NOT NULL,
    not_before  TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after   TIMESTAMP WITH TIME ZONE NOT NULL,
    status      VARCHAR(16)   NOT NULL CHECK (status IN ('VALID', 'ON_HOLD', 'REVOKED')),
    revoked_at  TIMESTAMP WITH TIME ZONE,
    reason      INTEGER,
    certificate VARCHAR(8000) NOT NULL,
    PRIMARY KEY (ca_id, serial)
);
CREATE INDEX ca_certificates_by_holder ON ca_certificates (holder_tckn);
CREATE INDEX ca_certificates_revoked ON ca_certificates (ca_id, status);

-- revision: bumped by every status change (a CRL older than it is stale); crl_number: RFC 5280 5.2.3.
CREATE TABLE ca_state (
    ca_id      VARCHAR(64) PRIMARY KEY,
    revision   BIGINT      NOT NULL,
    crl_number BIGINT      NOT NULL
);

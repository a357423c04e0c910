-- Issue #6: the signed consent records behind the E-Onay status, and certificate applications that
-- rest on them instead of a wet-signed form.
CREATE TABLE e_onay_records (
    id                 VARCHAR(36)    PRIMARY KEY,
    citizen            VARCHAR(11)    NOT NULL REFERENCES citizens (tckn),
    kind               VARCHAR(16)    NOT NULL CHECK (kind IN ('CONSENT', 'WITHDRAWAL')),
    text_version       INTEGER        NOT NULL,
    session_id         VARCHAR(36)    NOT NULL REFERENCES desk_sessions (id),
    certificate_serial VARCHAR(80)    NOT NULL,
    certificate_issuer VARCHAR(400)   NOT NULL,
    read_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    signing_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    signature_sha256   VARCHAR(64)    NOT NULL UNIQUE,
    cms_base64         VARCHAR(32000) NOT NULL
);
CREATE INDEX e_onay_records_by_citizen ON e_onay_records (citizen);

ALTER TABLE e_onay ADD COLUMN record_id VARCHAR(36);

CREATE TABLE certificate_applications (
    id                VARCHAR(36) PRIMARY KEY,
    citizen           VARCHAR(11) NOT NULL REFERENCES citizens (tckn),
    kind              VARCHAR(16) NOT NULL CHECK (kind IN ('NEW', 'RENEWAL')),
    e_onay_record     VARCHAR(36) NOT NULL REFERENCES e_onay_records (id),
    current_card      VARCHAR(32),
    current_not_after TIMESTAMP WITH TIME ZONE,
    ready_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    desk_id           VARCHAR(32) NOT NULL,
    operator          VARCHAR(64) NOT NULL
);
CREATE INDEX certificate_applications_by_ready ON certificate_applications (ready_at);

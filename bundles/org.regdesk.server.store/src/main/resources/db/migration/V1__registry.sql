-- RegDesk registry schema, version 1. Portable between H2 (MODE=PostgreSQL) and PostgreSQL 15+.
-- Times are TIMESTAMP WITH TIME ZONE in UTC; secrets are never stored in clear (codes and tokens as
-- keyed hashes, SO PINs sealed by the card key service).

CREATE TABLE citizens (
    tckn                 VARCHAR(11)  PRIMARY KEY,
    given_name           VARCHAR(100) NOT NULL,
    family_name          VARCHAR(100) NOT NULL,
    birth_date           DATE         NOT NULL,
    phone                VARCHAR(16)  NOT NULL,
    id_document_number   VARCHAR(16)  NOT NULL,
    portal_password_hash VARCHAR(200)
);

CREATE TABLE cards (
    serial                VARCHAR(32)  PRIMARY KEY,
    holder_tckn           VARCHAR(11)  NOT NULL REFERENCES citizens (tckn),
    profile               VARCHAR(16)  NOT NULL CHECK (profile IN ('REFERENCE', 'PKCS11')),
    key_reference         VARCHAR(64)  NOT NULL,
    so_pin_sealed         VARCHAR(400),
    so_pin_pending_sealed VARCHAR(400)
);
CREATE INDEX cards_by_holder ON cards (holder_tckn);

CREATE TABLE certificates (
    serial_number VARCHAR(64)  PRIMARY KEY,
    card_serial   VARCHAR(32)  NOT NULL REFERENCES cards (serial),
    subject       VARCHAR(400) NOT NULL,
    not_before    TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after     TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX certificates_by_card ON certificates (card_serial);

CREATE TABLE desks (
    id       VARCHAR(32)  PRIMARY KEY,
    name     VARCHAR(100) NOT NULL,
    location VARCHAR(200) NOT NULL,
    active   BOOLEAN      NOT NULL
);

CREATE TABLE operators (
    username      VARCHAR(64)  PRIMARY KEY,
    display_name  VARCHAR(100) NOT NULL,
    role          VARCHAR(16)  NOT NULL CHECK (role IN ('OPERATOR', 'SUPERVISOR', 'AUDITOR')),
    password_hash VARCHAR(200) NOT NULL,
    active        BOOLEAN      NOT NULL
);

CREATE TABLE operator_sessions (
    token_hash VARCHAR(64) PRIMARY KEY,
    username   VARCHAR(64) NOT NULL REFERENCES operators (username),
    desk_id    VARCHAR(32) NOT NULL REFERENCES desks (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at   TIMESTAMP WITH TIME ZONE
);

CREATE TABLE verification_codes (
    code_hash  VARCHAR(64) PRIMARY KEY,
    citizen    VARCHAR(11) NOT NULL REFERENCES citizens (tckn),
    purpose    VARCHAR(16) NOT NULL CHECK (purpose IN ('PIN_UNBLOCK', 'E_ONAY')),
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used       BOOLEAN     NOT NULL,
    CONSTRAINT one_code_per_citizen_and_purpose UNIQUE (citizen, purpose)
);

CREATE TABLE desk_sessions (
    id              VARCHAR(36) PRIMARY KEY,
    citizen         VARCHAR(11) NOT NULL REFERENCES citizens (tckn),
    purpose         VARCHAR(16) NOT NULL CHECK (purpose IN ('PIN_UNBLOCK', 'E_ONAY')),
    kind            VARCHAR(16) NOT NULL CHECK (kind IN ('CODE', 'ASSISTED')),
    desk_id         VARCHAR(32) NOT NULL REFERENCES desks (id),
    operator        VARCHAR(64) NOT NULL REFERENCES operators (username),
    state           VARCHAR(16) NOT NULL CHECK (state IN ('OPEN', 'OTP_VERIFIED', 'COMPLETED', 'FAILED', 'ABORTED')),
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    otp_verified_at TIMESTAMP WITH TIME ZONE,
    ended_at        TIMESTAMP WITH TIME ZONE,
    card_serial     VARCHAR(32)
);
CREATE INDEX desk_sessions_by_citizen ON desk_sessions (citizen, started_at);

CREATE TABLE unblock_authorizations (
    id               VARCHAR(36) PRIMARY KEY,
    session_id       VARCHAR(36) NOT NULL REFERENCES desk_sessions (id),
    card_serial      VARCHAR(32) NOT NULL REFERENCES cards (serial),
    kind             VARCHAR(16) NOT NULL CHECK (kind IN ('CRYPTOGRAM', 'SO_PIN_ROTATION')),
    challenge_sha256 VARCHAR(64),
    issued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome          VARCHAR(16),
    completed_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX unblock_authorizations_by_session ON unblock_authorizations (session_id);

-- E-Onay status per citizen; issue #6 adds the signed consent records.
CREATE TABLE e_onay (
    citizen     VARCHAR(11) PRIMARY KEY REFERENCES citizens (tckn),
    state       VARCHAR(16) NOT NULL CHECK (state IN ('GIVEN', 'WITHDRAWN')),
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE audit_records (
    sequence      BIGINT        PRIMARY KEY,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    operator      VARCHAR(64)   NOT NULL,
    desk          VARCHAR(32)   NOT NULL,
    action        VARCHAR(64)   NOT NULL,
    outcome       VARCHAR(32)   NOT NULL,
    details       VARCHAR(4000) NOT NULL,
    previous_hash VARCHAR(64)   NOT NULL,
    hash          VARCHAR(64)   NOT NULL
);

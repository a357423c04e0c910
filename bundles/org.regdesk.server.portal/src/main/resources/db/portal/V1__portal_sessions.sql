-- Signed-in citizens, shared by every node (issue #16). A session is found by the SHA-256 of its cookie
-- token, never the token. The code shown on a page is sealed (AES-GCM) under a key derived from the
-- token, so only the citizen's browser can bring it back; a copy of the table reveals no usable code.

CREATE TABLE portal_sessions (
    token_hash VARCHAR(64) NOT NULL,
    citizen    VARCHAR(11) NOT NULL,
    csrf       VARCHAR(64) NOT NULL,
    last_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT portal_sessions_pk PRIMARY KEY (token_hash)
);

CREATE INDEX portal_sessions_last_seen ON portal_sessions (last_seen);

CREATE TABLE portal_shown_codes (
    token_hash VARCHAR(64) NOT NULL,
    purpose    VARCHAR(32) NOT NULL,
    sealed     VARCHAR(200) NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT portal_shown_codes_pk PRIMARY KEY (token_hash, purpose),
    CONSTRAINT portal_shown_codes_session FOREIGN KEY (token_hash) REFERENCES portal_sessions (token_hash) ON DELETE CASCADE
);

CREATE TABLE portal_notices (
    token_hash VARCHAR(64) NOT NULL,
    section    VARCHAR(64) NOT NULL,
    done       BOOLEAN NOT NULL,
    text       VARCHAR(2000) NOT NULL,
    CONSTRAINT portal_notices_pk PRIMARY KEY (token_hash, section),
    CONSTRAINT portal_notices_session FOREIGN KEY (token_hash) REFERENCES portal_sessions (token_hash) ON DELETE CASCADE
);

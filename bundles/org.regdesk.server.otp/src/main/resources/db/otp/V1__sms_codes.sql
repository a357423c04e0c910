-- SMS one-time codes, shared by every node (issue #16): one row per desk session. code_hash is
-- SHA-256 of "<session>:<code>", never the code; accepted marks a code the citizen has proven, which the
-- same code may prove again (a desk repeating a call whose answer it lost); delivered is set once the
-- SMS provider took the text, so a send lost with a dying node does not hold the session for a minute.

CREATE TABLE sms_codes (
    session_id    VARCHAR(64) NOT NULL,
    code_hash     VARCHAR(64),
    sent_at       TIMESTAMP WITH TIME ZONE,
    expires_at    TIMESTAMP WITH TIME ZONE,
    attempts_left INTEGER NOT NULL,
    accepted      BOOLEAN NOT NULL,
    delivered     BOOLEAN NOT NULL,
    sends         INTEGER NOT NULL,
    failures      INTEGER NOT NULL,
    last_used     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sms_codes_pk PRIMARY KEY (session_id)
);

CREATE INDEX sms_codes_last_used ON sms_codes (last_used);

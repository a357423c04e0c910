-- Operators sign in with their own smart card (issue #17): the certificate on the card, enrolled for one
-- operator account by its SHA-256 fingerprint (the enrolment is the trust decision, as for desks), and the
-- single-use challenges a desk asked for, by SHA-256, for 60 seconds.

CREATE TABLE operator_certificates (
    fingerprint VARCHAR(64)  NOT NULL,
    username    VARCHAR(64)  NOT NULL REFERENCES operators (username),
    subject     VARCHAR(500) NOT NULL,
    not_after   TIMESTAMP WITH TIME ZONE NOT NULL,
    enrolled_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT operator_certificates_pk PRIMARY KEY (fingerprint)
);

CREATE TABLE operator_challenges (
    challenge_hash VARCHAR(64) NOT NULL,
    desk_id        VARCHAR(32) NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT operator_challenges_pk PRIMARY KEY (challenge_hash)
);

CREATE INDEX operator_challenges_expires_at ON operator_challenges (expires_at);

-- State every node of a cluster shares (issue #16).

-- Rate limits: one row per limit and key, counting the attempts in the window that began at
-- window_start. Keys are stored as SHA-256, not as the phone number, address or account they count.
CREATE TABLE attempt_windows (
    scope        VARCHAR(40) NOT NULL,
    key_hash     VARCHAR(64) NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    used         INTEGER NOT NULL,
    CONSTRAINT attempt_windows_pk PRIMARY KEY (scope, key_hash)
);

-- A desk step's answer under the Idempotency-Key the desk sent, committed with the step's own changes:
-- a desk that lost the answer (a node died, the network broke) asks again and gets the same answer,
-- from any node, instead of a second session or a second card authorization.
CREATE TABLE idempotent_replies (
    desk_id      VARCHAR(64) NOT NULL,
    request_key  VARCHAR(64) NOT NULL,
    path         VARCHAR(300) NOT NULL,
    status       INTEGER NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    body         BYTEA NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotent_replies_pk PRIMARY KEY (desk_id, request_key)
);

CREATE INDEX idempotent_replies_created ON idempotent_replies (created_at);

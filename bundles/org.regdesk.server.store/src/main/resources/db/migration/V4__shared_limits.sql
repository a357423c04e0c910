-- Rate limits shared by every node of a cluster (issue #16): one row per limit and key, counting the
-- attempts in the window that began at window_start. Keys are stored as SHA-256, not as the phone
-- number, address or account name they count.

CREATE TABLE attempt_windows (
    scope        VARCHAR(40) NOT NULL,
    key_hash     VARCHAR(64) NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    used         INTEGER NOT NULL,
    CONSTRAINT attempt_windows_pk PRIMARY KEY (scope, key_hash)
);

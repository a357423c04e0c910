-- Sign-ins begun at an external identity provider (issue #17), shared by every node: the browser may come
-- back to another one. Found by the SHA-256 of the state; bound to the browser that began by the SHA-256
-- of a cookie only that browser has; used once; ten minutes at most. "pending" is what the provider
-- needs to finish (nonce, PKCE verifier): secret, short-lived, deleted when used.

CREATE TABLE portal_sign_ins (
    state_hash   VARCHAR(64)   NOT NULL,
    browser_hash VARCHAR(64)   NOT NULL,
    pending      VARCHAR(2000) NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT portal_sign_ins_pk PRIMARY KEY (state_hash)
);

CREATE INDEX portal_sign_ins_expires_at ON portal_sign_ins (expires_at);

package org.regdesk.server.store;

import java.time.Instant;

/** A signed-in operator at one desk; the bearer token is stored only as a hash. */
public record OperatorSession(String tokenHash, Operator operator, String deskId, boolean deskActive, Instant expiresAt,
        boolean ended) {
}

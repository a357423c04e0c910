package org.regdesk.server.codes.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * Where issued codes live (the database, later). Only a keyed hash of a code is ever stored, so a
 * copy of the store does not reveal usable codes.
 */
public interface CodeStore {

    /** An issued code; {@code codeHash} is HMAC-SHA-256 of the digits under the server's code key. */
    record StoredCode(String codeHash, String citizen, String operation, Instant issuedAt, Instant expiresAt, boolean used) {
    }

    /** Replaces any code the citizen holds for this operation: issuing a new one voids the old. */
    void replace(StoredCode code);

    Optional<StoredCode> findByHash(String codeHash);

    /** Marks the code used; false when it was used already (two desks racing). */
    boolean markUsed(String codeHash);
}

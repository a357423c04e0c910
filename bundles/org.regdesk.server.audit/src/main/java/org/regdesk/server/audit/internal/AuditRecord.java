package org.regdesk.server.audit.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One step of one operation, as the security team reads it later. {@code hash} covers every other
 * field and the previous record's hash, so no record can be changed, removed or reordered unnoticed.
 *
 * @param details what happened, never a secret (no PIN, code, OTP or key; TCKNs masked)
 */
public record AuditRecord(long sequence, Instant time, String operator, String desk, String action, String outcome,
        Map<String, String> details, String previousHash, String hash) {

    public AuditRecord {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        details = Map.copyOf(details);
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}

package org.regdesk.server.desk;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The tamper-evident audit trail. Every step, refused ones included, is appended with who did it and
 * where; {@code outcome} is a code (ACCEPTED, a refusal code ...), {@code details} identifiers and facts,
 * never secrets (no PIN, code, password or full TCKN).
 */
@ProviderType
public interface AuditService {

    void append(Actor actor, AuditAction action, String outcome, Map<String, String> details);

    /** For steps without a signed-in operator: {@code who} e.g. "citizen", {@code where} e.g. "portal". */
    void append(String who, String where, AuditAction action, String outcome, Map<String, String> details);
}

package org.regdesk.server.registry.internal;

import java.util.Map;
import java.util.TreeMap;

import org.regdesk.server.desk.AuditService;
import org.regdesk.server.desk.http.DeskRoutes;
import org.regdesk.server.http.RefusalListener;

/**
 * Audits the refusals the server makes before any route runs (no desk certificate, an unenrolled or revoked one, a
 * malformed body) like those a desk route makes: one DESK_REFUSAL record each, with the caller's address, since
 * nobody is signed in.
 */
public final class DispatcherRefusalAudit implements RefusalListener {

    private final AuditService audit;

    public DispatcherRefusalAudit(AuditService audit) {
        this.audit = audit;
    }

    @Override
    public void refused(Refused refusal) {
        Map<String, String> details = new TreeMap<>(refusal.params());
        details.put("method", refusal.method());
        details.put("path", refusal.path());
        details.put("status", Integer.toString(refusal.status()));
        details.put("address", refusal.remoteAddress());
        DeskRoutes.auditRefusal(audit, "-", refusal.desk().orElse("-"), refusal.code(), details);
    }
}

package org.regdesk.server.certificates.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.regdesk.backend.certificates.RevocationRequest;
import org.regdesk.server.ca.CertificateAuthority;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.desk.DeskSessionService;
import org.regdesk.server.desk.OperatorSessions;
import org.regdesk.server.desk.http.DeskRoutes;
import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.http.Reply;
import org.regdesk.server.http.Route;
import org.regdesk.server.store.Database;

/**
 * The certificate status steps of the desk API. The best-ranked {@link CertificateAuthority} serves
 * them; it may come and go (a CA integration updated in place): without one the steps answer 503
 * CA_UNAVAILABLE instead of disappearing.
 */
@Component(service = HttpRoutes.class, configurationPid = "org.regdesk.server.certificates")
public final class CertificateRoutes implements HttpRoutes {

    private final DeskRoutes desk;
    private final CertificateDesk certificates;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CertificateAuthority authority;

    @Activate
    public CertificateRoutes(@Reference DeskSessionService sessions, @Reference AuditService audit,
            @Reference Database database, @Reference OperatorSessions operators) {
        this.desk = new DeskRoutes(database, operators, audit);
        this.certificates = new CertificateDesk(sessions, audit, () -> Optional.ofNullable(authority));
    }

    /** Wired by hand (tests): {@code authority} says which CA serves now. */
    public CertificateRoutes(DeskSessionService sessions, AuditService audit, Database database, OperatorSessions operators,
            Supplier<Optional<CertificateAuthority>> authority) {
        this.desk = new DeskRoutes(database, operators, audit);
        this.certificates = new CertificateDesk(sessions, audit, authority);
    }

    @Override
    public String name() {
        return CertificateStatusOperation.ID;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                desk.get("/desk-sessions/{id}/certificates", call -> Reply.ok(certificates.list(desk.actor(call),
                        call.pathParameter("id")))),
                desk.post("/desk-sessions/{id}/certificates/{serial}/suspend", call -> Reply.ok(certificates.suspend(
                        desk.actor(call), call.pathParameter("id"), call.pathParameter("serial")))),
                desk.post("/desk-sessions/{id}/certificates/{serial}/resume", call -> Reply.ok(certificates.resume(
                        desk.actor(call), call.pathParameter("id"), call.pathParameter("serial")))),
                desk.post("/desk-sessions/{id}/certificates/{serial}/revoke", call -> Reply.ok(certificates.revoke(
                        desk.actor(call), call.pathParameter("id"), call.pathParameter("serial"),
                        call.json(RevocationRequest.class)))),
                desk.post("/desk-sessions/{id}/certificates/done", call -> Reply.ok(certificates.finish(desk.actor(call),
                        call.pathParameter("id")))));
    }
}

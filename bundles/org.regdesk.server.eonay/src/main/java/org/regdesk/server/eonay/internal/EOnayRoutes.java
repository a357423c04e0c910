package org.regdesk.server.eonay.internal;

import java.time.Clock;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.regdesk.backend.api.v1.CertificateApplicationRequest;
import org.regdesk.backend.api.v1.EOnaySubmission;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.desk.DeskSessionService;
import org.regdesk.server.desk.OperatorSessions;
import org.regdesk.server.desk.http.DeskRoutes;
import org.regdesk.server.eonay.ConsentTrust;
import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.http.Reply;
import org.regdesk.server.http.Route;
import org.regdesk.server.store.Database;

/**
 * The E-Onay steps of the desk API (status, text, signed consent under a desk session) and certificate
 * applications. Checks signatures against the best-ranked {@link ConsentTrust} (or the one chosen by
 * {@code ConsentTrust.target} in this component's configuration).
 */
@Component(configurationPid = "org.regdesk.server.eonay.routes")
public final class EOnayRoutes implements HttpRoutes {

    private final DeskRoutes desk;
    private final EOnayDesk eOnay;
    private final CertificateApplications applications;

    @Activate
    public EOnayRoutes(@Reference DeskSessionService sessions, @Reference AuditService audit, @Reference Database database,
            @Reference OperatorSessions operators,
            @Reference(name = "ConsentTrust", policyOption = ReferencePolicyOption.GREEDY) ConsentTrust trust) {
        this(sessions, audit, database, operators, trust, Clock.systemUTC());
    }

    public EOnayRoutes(DeskSessionService sessions, AuditService audit, Database database, OperatorSessions operators,
            ConsentTrust trust, Clock clock) {
        this.desk = new DeskRoutes(database, operators, audit);
        this.eOnay = new EOnayDesk(sessions, audit, database, trust, clock);
        this.applications = new CertificateApplications(sessions, audit, database, clock);
    }

    @Override
    public String name() {
        return EOnayOperation.ID;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                desk.get("/desk-sessions/{id}/e-onay", call -> Reply.ok(eOnay.status(desk.actor(call), call.pathParameter("id")))),
                desk.get("/desk-sessions/{id}/e-onay/text/{kind}", call -> Reply.ok(eOnay.text(desk.actor(call),
                        call.pathParameter("id"), call.pathParameter("kind")))),
                desk.post("/desk-sessions/{id}/e-onay", call -> Reply.ok(eOnay.submit(desk.actor(call), call.pathParameter("id"),
                        call.json(EOnaySubmission.class)))),
                desk.post("/certificate-applications", call -> Reply.json(201, applications.apply(desk.actor(call),
                        call.json(CertificateApplicationRequest.class)))),
                desk.get("/certificate-applications", call -> Reply.ok(applications.queue(desk.actor(call)))));
    }
}

package org.regdesk.server.operation.example;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.regdesk.server.desk.Actor;
import org.regdesk.server.desk.AuditAction;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.desk.DeskSessionService;
import org.regdesk.server.desk.OperatorSessions;
import org.regdesk.server.desk.http.DeskRoutes;
import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.http.Reply;
import org.regdesk.server.http.Route;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.DeskSessionRecord;
import org.regdesk.server.store.SessionState;

/**
 * The example operation's routes, on the server's route whiteboard so they arrive and leave with this
 * bundle: {@code GET /api/v1/operations/example} for any desk (mutual TLS), and
 * {@code POST /api/v1/desk-sessions/{id}/example}, a step that completes an EXAMPLE session, audited.
 */
@Component(service = HttpRoutes.class)
public class ExampleRoutes implements HttpRoutes {

    public static final String PATH = "/api/v1/operations/example";

    private enum ExampleAudit implements AuditAction {
        EXAMPLE_STEP
    }

    private final DeskRoutes desk;
    private final DeskSessionService sessions;
    private final AuditService audit;

    @Activate
    public ExampleRoutes(@Reference Database database, @Reference OperatorSessions operators,
            @Reference DeskSessionService sessions, @Reference AuditService audit) {
        this.desk = new DeskRoutes(database, operators, audit);
        this.sessions = sessions;
        this.audit = audit;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get(PATH, Route.Access.DESK, call -> Reply.ok(Map.of("operation", ExampleOperation.ID,
                "desk", call.clientCertificate().map(certificate -> certificate.getSubjectX500Principal().getName()).orElse("")))),
                desk.post("/desk-sessions/{id}/example", call -> {
                    Actor actor = desk.actor(call);
                    DeskSessionRecord session = sessions.openSession(actor, call.pathParameter("id"), ExampleOperation.ID);
                    sessions.transition(session, SessionState.COMPLETED, null);
                    audit.append(actor, ExampleAudit.EXAMPLE_STEP, "DONE", Map.of("session", session.id()));
                    return Reply.ok(Map.of("session", session.id(), "state", SessionState.COMPLETED.name()));
                }));
    }
}

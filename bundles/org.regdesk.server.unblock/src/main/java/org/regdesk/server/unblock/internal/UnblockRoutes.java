package org.regdesk.server.unblock.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.regdesk.backend.api.v1.CompletionRequest;
import org.regdesk.backend.api.v1.UnblockAuthorizationRequest;
import org.regdesk.server.desk.AuditService;
import org.regdesk.server.desk.DeskSessionService;
import org.regdesk.server.desk.OperatorSessions;
import org.regdesk.server.desk.http.DeskRoutes;
import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.http.Reply;
import org.regdesk.server.http.Route;
import org.regdesk.server.keys.CardKeyService;
import org.regdesk.server.store.Database;

/**
 * The unblock steps of the desk API: {@code unblock-authorization} and {@code complete} under a desk
 * session. Uses the best-ranked {@link CardKeyService} (an HSM-backed one wins over the keystore by
 * ranking, or by {@code CardKeyService.target} in this component's configuration).
 */
@Component(configurationPid = "org.regdesk.server.unblock")
public final class UnblockRoutes implements HttpRoutes {

    private final DeskRoutes desk;
    private final CardUnblocking unblocking;

    @Activate
    public UnblockRoutes(@Reference DeskSessionService sessions, @Reference AuditService audit, @Reference(name = "CardKeyService",
            policyOption = ReferencePolicyOption.GREEDY) CardKeyService keys, @Reference Database database, @Reference OperatorSessions operators) {
        this(sessions, audit, keys, database, operators, Clock.systemUTC());
    }

    public UnblockRoutes(DeskSessionService sessions, AuditService audit, CardKeyService keys, Database database,
            OperatorSessions operators, Clock clock) {
        this.desk = new DeskRoutes(database, operators, audit);
        this.unblocking = new CardUnblocking(sessions, audit, keys, database, clock, new SecureRandom());
    }

    @Override
    public String name() {
        return UnblockOperation.ID;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                desk.post("/desk-sessions/{id}/unblock-authorization", call -> Reply.ok(unblocking.authorize(desk.actor(call),
                        call.pathParameter("id"), call.json(UnblockAuthorizationRequest.class)))),
                desk.post("/desk-sessions/{id}/complete", call -> Reply.ok(unblocking.complete(desk.actor(call),
                        call.pathParameter("id"), call.json(CompletionRequest.class)))));
    }
}

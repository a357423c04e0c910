package org.regdesk.server.operation.example;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.http.Reply;
import org.regdesk.server.http.Route;

/**
 * The example operation's server route, {@code GET /api/v1/operations/example}, for desks only (mutual
 * TLS): a DS component on the server's route whiteboard, so it arrives and leaves with this bundle and
 * the server's code never names it.
 */
@Component(service = HttpRoutes.class)
public class ExampleRoutes implements HttpRoutes {

    public static final String PATH = "/api/v1/operations/example";

    @Override
    public List<Route> routes() {
        return List.of(Route.get(PATH, Route.Access.DESK, call -> Reply.ok(Map.of("operation", "EXAMPLE",
                "desk", call.clientCertificate().map(certificate -> certificate.getSubjectX500Principal().getName()).orElse("")))));
    }
}

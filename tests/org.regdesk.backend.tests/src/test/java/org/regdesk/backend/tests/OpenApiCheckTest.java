package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.regdesk.backend.client.internal.PinnedTrust;
import org.regdesk.server.http.Reply;
import org.regdesk.server.http.Route;
import org.regdesk.server.http.internal.RegdeskServer;
import org.regdesk.server.http.internal.RouteDispatcher;
import org.regdesk.server.http.internal.ServerSettings;

/** The spec check can fail: an undocumented route and an answer of the wrong shape are both caught. */
class OpenApiCheckTest {

    @Test
    void anUndocumentedRouteAndAnAnswerOfTheWrongShapeAreCaught() throws Exception {
        Path data = Files.createTempDirectory("regdesk-openapi-check");
        RouteDispatcher routes = new RouteDispatcher();
        routes.add(() -> List.of(Route.get("/api/v1/not-described", Route.Access.PUBLIC, call -> Reply.ok(Map.of("ok", true))),
                // described as {records: integer, firstBroken: integer|null}
                Route.get("/api/v1/audit/check", Route.Access.PUBLIC, call -> Reply.ok(Map.of("records", "many")))));
        OpenApiCheck check = new OpenApiCheck(routes);
        RegdeskServer server = new RegdeskServer(ServerSettings.development("127.0.0.1", 0, data, List.of()), Clock.systemUTC(), check);
        URI base = server.start();
        try {
            HttpClient client = HttpClient.newBuilder().sslContext(PinnedTrust.sslContext(server.developmentCertificate().orElseThrow()))
                    .build();
            for (String path : List.of("api/v1/not-described", "api/v1/audit/check")) {
                assertEquals(200, client.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode());
            }
        } finally {
            server.stop();
        }
        List<String> violations = check.violations();
        assertEquals(2, check.checked());
        assertEquals(2, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("GET /api/v1/not-described -> 200: validation.request.path.missing"), violations.get(0));
        assertTrue(violations.get(1).startsWith("GET /api/v1/audit/check -> 200: validation.response.body.schema.type"),
                violations.get(1));
    }
}

package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.regdesk.server.http.Route;
import org.regdesk.server.registry.RegistryRoutes;

/** Every desk API route the server serves is described in docs/api/openapi.yaml, with its method. */
class OpenApiCoverageTest {

    @Test
    void everyRouteIsDocumented() throws Exception {
        String spec = Files.readString(Path.of("../../docs/api/openapi.yaml"));
        List<Route> routes = new RegistryRoutes(null, null).routes();
        for (Route route : routes) {
            int at = spec.indexOf("\n  " + route.pattern() + ":\n");
            assertTrue(at >= 0, route.pattern() + " is not in openapi.yaml");
            int next = spec.indexOf("\n  /", at + 1);
            String block = spec.substring(at, next < 0 ? spec.length() : next);
            assertTrue(block.contains("\n    " + route.method().toLowerCase() + ":"),
                    route.method() + " " + route.pattern() + " is not described in openapi.yaml");
        }
    }
}

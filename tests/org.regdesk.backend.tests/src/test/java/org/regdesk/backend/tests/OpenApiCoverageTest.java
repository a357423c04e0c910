package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.regdesk.server.http.Route;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * Every desk route the registry and its operations serve is described in docs/api/openapi.yaml with its
 * method, and the description itself parses without complaint. (What is exchanged is checked against
 * it by {@link OpenApiCheck} in every backend test; this catches a route no test calls.)
 */
class OpenApiCoverageTest {

    @Test
    void theDescriptionParsesAndDescribesEveryServedRoute() throws Exception {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(Files.readString(OpenApiCheck.SPEC), null, null);
        assertEquals(List.of(), parsed.getMessages() == null ? List.of() : parsed.getMessages(), "openapi.yaml parses cleanly");
        OpenAPI api = parsed.getOpenAPI();
        TreeSet<String> missing = new TreeSet<>();
        try (TestBackend backend = new TestBackend(Files.createTempDirectory("regdesk-openapi"), TestDatabase.H2)) {
            for (Route route : backend.servedRoutes()) {
                if (!route.pattern().startsWith("/api/")) {
                    continue;
                }
                PathItem path = api.getPaths().get(route.pattern());
                Map<PathItem.HttpMethod, ?> operations = path == null ? Map.of() : path.readOperationsMap();
                if (!operations.containsKey(PathItem.HttpMethod.valueOf(route.method()))) {
                    missing.add(route.method() + " " + route.pattern());
                }
            }
        }
        assertTrue(missing.isEmpty(), "served but not described in openapi.yaml: " + missing);
    }
}

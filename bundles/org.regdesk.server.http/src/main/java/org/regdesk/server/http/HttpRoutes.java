package org.regdesk.server.http;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A bundle's contribution to the server: register this as an OSGi service and the Jetty component
 * serves its routes while the service exists. Paths are absolute ({@code /api/v1/...}, {@code /portal/...}).
 */
@ConsumerType
public interface HttpRoutes {

    List<Route> routes();

    /**
     * What this contribution is, for readiness ({@code GET /ready} waits for the names its configuration
     * requires): {@code registry}, {@code portal}, a desk operation's id. Unnamed by default.
     */
    default String name() {
        return "";
    }
}

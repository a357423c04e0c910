package org.regdesk.server.http.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /ready}: 200 only once every route contribution the configuration requires is served (the
 * registry, the portal, each desk operation), 503 naming the missing ones before that. A load balancer
 * sends traffic to ready nodes only; {@code /health} says the process lives, which is earlier.
 */
public final class ReadinessHandler extends FixedGetHandler {

    public static final String PATH = "/ready";

    /** What must be served ({@link org.regdesk.server.http.HttpRoutes#name()}s) and what is served now. */
    public record Readiness(List<String> required, Supplier<Set<String>> served) {
        public static final Readiness ALWAYS = new Readiness(List.of(), Set::of);

        public Readiness {
            required = List.copyOf(required);
        }

        List<String> missing() {
            Set<String> now = served.get();
            return required.stream().filter(name -> !now.contains(name)).toList();
        }
    }

    /** The JSON body; field names are part of the public API (docs/api). */
    public record Ready(String status, List<String> missing) {
    }

    private final Readiness readiness;

    public ReadinessHandler(Readiness readiness) {
        super(PATH);
        this.readiness = readiness;
    }

    @Override
    void answer(Response response, Callback callback) {
        List<String> missing = readiness.missing();
        JsonResponses.write(response, callback, missing.isEmpty() ? 200 : 503,
                new Ready(missing.isEmpty() ? "READY" : "STARTING", missing));
    }
}

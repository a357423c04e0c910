package org.regdesk.server.http.internal;

import java.time.Clock;
import java.time.Instant;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /health}: liveness and version, for load balancers and the workstation status bar. */
public final class HealthHandler extends Handler.Abstract.NonBlocking {

    public static final String PATH = "/health";

    /** The JSON body; field names are part of the public API (docs/api). */
    public record Health(String status, String service, String version, String startedAt, String time) {
    }

    private final String version;
    private final Clock clock;
    private final Instant startedAt;

    public HealthHandler(String version, Clock clock) {
        this.version = version;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!PATH.equals(Request.getPathInContext(request))) {
            return false;
        }
        if (JsonResponses.refusedUnlessGet(request, response, callback, PATH)) {
            return true;
        }
        JsonResponses.write(response, callback, 200,
                new Health("UP", "regdesk-server", version, startedAt.toString(), clock.instant().toString()));
        return true;
    }
}

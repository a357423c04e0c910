package org.regdesk.server.http.internal;

import java.time.Clock;
import java.time.Instant;

import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /health}: liveness and version, for load balancers and the workstation status bar. */
public final class HealthHandler extends FixedGetHandler {

    public static final String PATH = "/health";

    /** The JSON body; field names are part of the public API (docs/api). */
    public record Health(String status, String service, String version, String startedAt, String time) {
    }

    private final String version;
    private final Clock clock;
    private final Instant startedAt;

    public HealthHandler(String version, Clock clock) {
        super(PATH);
        this.version = version;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    void answer(Response response, Callback callback) {
        JsonResponses.write(response, callback, 200,
                new Health("UP", "regdesk-server", version, startedAt.toString(), clock.instant().toString()));
    }
}

package org.regdesk.server.http;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears the refusals the server makes itself before any route runs (no desk certificate, an unenrolled or revoked
 * one, a body that is too large or not JSON, a method the path does not take), which no route can audit. Called on
 * the request's thread; a listener that fails does not change the answer.
 */
@ConsumerType
public interface RefusalListener {

    /** One refused request: what was asked, the answer's status and code, and the desk if its certificate named one. */
    record Refused(String method, String path, int status, String code, Map<String, String> params, Optional<String> desk,
            String remoteAddress) {
        public Refused {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(code, "code");
            params = Map.copyOf(params);
            Objects.requireNonNull(desk, "desk");
            Objects.requireNonNull(remoteAddress, "remoteAddress");
        }
    }

    void refused(Refused refusal);
}

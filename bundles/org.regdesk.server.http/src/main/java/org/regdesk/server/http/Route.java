package org.regdesk.server.http;

import java.util.List;
import java.util.Objects;

/**
 * One endpoint: method, a path pattern whose {@code {name}} segments become {@link Call#pathParameter}
 * (a last segment {@code {name...}} takes the rest of the path, slashes included),
 * and whether the caller must be a desk (a client certificate from the desk CA, mutual TLS).
 */
public record Route(String method, String pattern, Access access, Handler handler) {

    public enum Access {
        /** Anyone over TLS: health, the citizen portal. */
        PUBLIC,
        /** Only a workstation that presented a desk certificate. */
        DESK
    }

    @FunctionalInterface
    public interface Handler {
        Reply handle(Call call) throws ApiException;
    }

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("route pattern must start with '/': " + pattern);
        }
    }

    public static Route get(String pattern, Access access, Handler handler) {
        return new Route("GET", pattern, access, handler);
    }

    public static Route post(String pattern, Access access, Handler handler) {
        return new Route("POST", pattern, access, handler);
    }

    /** Path segments of the pattern, for matching. */
    public List<String> segments() {
        return List.of(pattern.substring(1).split("/", -1));
    }
}

package org.regdesk.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * What a route answers. JSON bodies are written by the server ({@link #json}); pages and redirects
 * carry their bytes and headers.
 */
public record Reply(int status, String contentType, Object jsonBody, byte[] bytes, Map<String, String> headers) {

    public Reply {
        Objects.requireNonNull(headers, "headers");
        headers = Map.copyOf(headers);
    }

    public static Reply json(int status, Object body) {
        return new Reply(status, "application/json; charset=utf-8", Objects.requireNonNull(body, "body"), null, Map.of());
    }

    public static Reply ok(Object body) {
        return json(200, body);
    }

    public static Reply html(int status, String page, Map<String, String> headers) {
        return new Reply(status, "text/html; charset=utf-8", null, page.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** 303 See Other: after a form POST the browser GETs the target, so reloads do not resubmit. */
    public static Reply seeOther(String location, Map<String, String> headers) {
        java.util.Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Location", location);
        return new Reply(303, "text/plain; charset=utf-8", null, new byte[0], all);
    }
}

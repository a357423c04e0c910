package org.regdesk.server.http.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches request path segments against a route pattern such as {@code api/v1/desk-sessions/{id}/otp}.
 * A last segment {@code {name...}} takes the rest of the path as one value, read from the raw path so that
 * an encoded slash stays part of it (the GET form of OCSP puts base64, which may hold '/', in the path).
 */
final class RoutePatterns {

    private RoutePatterns() {
    }

    /** The path parameters if the path fits the pattern, otherwise null. */
    static Map<String, String> match(List<String> pattern, List<String> path, String rawPath) {
        String tail = tailName(pattern);
        int fixed = tail == null ? pattern.size() : pattern.size() - 1;
        if (tail == null ? path.size() != fixed : path.size() <= fixed) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < fixed; i++) {
            String expected = pattern.get(i);
            String actual = path.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (actual.isEmpty()) {
                    return null;
                }
                parameters.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return null;
            }
        }
        if (tail != null) {
            String[] raw = rawPath.substring(1).split("/", fixed + 1);
            String value = raw.length == fixed + 1 ? decode(raw[fixed]) : null;
            if (value == null || value.isEmpty()) {
                return null;
            }
            parameters.put(tail, value);
        }
        return parameters;
    }

    private static String tailName(List<String> pattern) {
        String last = pattern.get(pattern.size() - 1);
        return last.startsWith("{") && last.endsWith("...}") ? last.substring(1, last.length() - 4) : null;
    }

    /** Percent-decoding of a path (RFC 3986): unlike a form, '+' stays '+'. */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}

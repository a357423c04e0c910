package org.regdesk.server.http.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Matches request path segments against a route pattern such as {@code api/v1/desk-sessions/{id}/otp}. */
final class RoutePatterns {

    private RoutePatterns() {
    }

    /** The path parameters if the path fits the pattern, otherwise null. */
    static Map<String, String> match(List<String> pattern, List<String> path) {
        if (pattern.size() != path.size()) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
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
        return parameters;
    }
}

package org.regdesk.backend.api.v1;

import java.util.Map;

/**
 * Every refusal, as RFC 9457 problem details ({@code application/problem+json}): {@code code} is the
 * stable machine code a desk or portal translates into its operator's language, {@code params} the
 * facts its text needs (e.g. {@code attemptsLeft}), {@code title} an English fallback for a client
 * that does not know the code yet, {@code type} the code as a URN.
 */
public record Problem(String type, String title, int status, String code, Map<String, String> params) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:regdesk:problem:";

    public Problem {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public static Problem of(int status, String code, String title, Map<String, String> params) {
        return new Problem(TYPE_PREFIX + code, title, status, code, params);
    }
}

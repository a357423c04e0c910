package org.regdesk.server.desk;

import java.util.Map;
import java.util.Objects;

/**
 * A rule said no: a stable code (the API contract, docs/api/openapi.yaml), the parameters its text
 * needs, an English fallback text, and what kind of "no" it is. The domain raises it; the HTTP adapter
 * maps the kind to a status, and each desk or portal says it in its own words by the code.
 */
public final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of "no": the HTTP adapter turns it into a status code. */
    public enum Kind {
        /** The request itself is wrong (a field, a format). */
        INVALID,
        /** Nobody (valid) signed in. */
        UNAUTHENTICATED,
        /** Signed in, but not allowed. */
        FORBIDDEN,
        NOT_FOUND,
        /** The state of things does not allow it (now or any more). */
        CONFLICT,
        /** It existed but is over (expired). */
        GONE,
        /** Well-formed but not acceptable (a signature that does not verify). */
        UNPROCESSABLE,
        TOO_MANY,
        /** A service the rule needs is down: trying later may work. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final Map<String, String> params;

    public Refusal(Kind kind, String code, String fallback) {
        this(kind, code, fallback, Map.of());
    }

    public Refusal(Kind kind, String code, String fallback, Map<String, String> params) {
        super(fallback, null, false, false); // a refusal, not a fault: no stack trace
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.params = Map.copyOf(params);
    }

    /** A field of the request is missing or malformed: code INVALID_FIELD, parameter {@code field}. */
    public static Refusal invalid(String field, String fallback) {
        return new Refusal(Kind.INVALID, "INVALID_FIELD", fallback, Map.of("field", field));
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Map<String, String> params() {
        return params;
    }

    /** The English fallback text. */
    public String fallback() {
        return getMessage();
    }
}

package org.regdesk.backend.api;

import java.util.Map;

/**
 * A backend call that did not succeed: {@code code} is the API's machine code (or UNREACHABLE,
 * UNTRUSTED, PROTOCOL for the connection itself) and {@code params} its facts; the desk translates the
 * code ({@link #getMessage()} is only an English fallback for codes it does not know).
 */
public final class RegistryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Map<String, String> params;

    public RegistryException(int status, String code, String fallback, Map<String, String> params, Throwable cause) {
        super(fallback, cause);
        this.status = status;
        this.code = code;
        this.params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** HTTP status, or 0 when no answer came back. */
    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The facts the code's text needs, e.g. {@code attemptsLeft}, {@code host}. */
    public Map<String, String> params() {
        return params;
    }

    /** True when trying again later may work (network, server restart), false for a refusal. */
    public boolean retryable() {
        return status == 0 || status == 502 || status == 503 || status == 504;
    }
}

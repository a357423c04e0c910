package org.regdesk.server.http;

import java.util.Map;
import java.util.Objects;

/**
 * A refusal at the HTTP level: status, a stable machine code, an English fallback text and the
 * parameters a client needs to say it in its own words. Written as RFC 9457 problem details; never
 * logged with secrets. Domain refusals reach HTTP through the adapter that maps them to a status.
 */
public final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Map<String, String> params;

    public ApiException(int status, String code, String fallback) {
        this(status, code, fallback, Map.of());
    }

    public ApiException(int status, String code, String fallback, Map<String, String> params) {
        super(fallback, null, false, false); // a refusal, not a fault: no stack trace needed
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an API error needs a 4xx or 5xx status, was " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.params = Map.copyOf(params);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The English fallback text. */
    public String fallback() {
        return getMessage();
    }

    public Map<String, String> params() {
        return params;
    }
}

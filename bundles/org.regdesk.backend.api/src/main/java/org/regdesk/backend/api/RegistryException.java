package org.regdesk.backend.api;

import java.util.Map;

/**
 * A backend call that did not succeed: {@code code} is the API's machine code (or UNREACHABLE,
 * UNTRUSTED, PROTOCOL for the connection itself), {@code messageTr}/{@code messageEn} are ready to show.
 */
public final class RegistryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String messageTr;
    private final Map<String, String> details;

    public RegistryException(int status, String code, String messageTr, String messageEn, Map<String, String> details,
            Throwable cause) {
        super(messageEn, cause);
        this.status = status;
        this.code = code;
        this.messageTr = messageTr;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** HTTP status, or 0 when no answer came back. */
    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageTr() {
        return messageTr;
    }

    public String messageEn() {
        return getMessage();
    }

    public Map<String, String> details() {
        return details;
    }

    /** True when trying again later may work (network, server restart), false for a refusal. */
    public boolean retryable() {
        return status == 0 || status == 502 || status == 503 || status == 504;
    }
}

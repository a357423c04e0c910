package org.regdesk.server.http;

import java.util.Map;
import java.util.Objects;

/**
 * A refusal the caller can act on: HTTP status, a stable machine code, and the message in Turkish and
 * English. The server turns it into an {@code ApiError} body; it is never logged with secrets.
 */
public final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String messageTr;
    private final Map<String, String> details;

    public ApiException(int status, String code, String messageTr, String messageEn) {
        this(status, code, messageTr, messageEn, Map.of());
    }

    public ApiException(int status, String code, String messageTr, String messageEn, Map<String, String> details) {
        super(messageEn, null, false, false); // a refusal, not a fault: no stack trace needed
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an API error needs a 4xx or 5xx status, was " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.messageTr = Objects.requireNonNull(messageTr, "messageTr");
        this.details = Map.copyOf(details);
    }

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
}

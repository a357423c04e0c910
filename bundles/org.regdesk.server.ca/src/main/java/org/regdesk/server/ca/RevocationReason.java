package org.regdesk.server.ca;

import java.util.Arrays;
import java.util.Optional;

/** The RFC 5280 (5.3.1) reason codes a registry may give; the number is the CRLReason value. */
public enum RevocationReason {
    KEY_COMPROMISE(1), AFFILIATION_CHANGED(3), SUPERSEDED(4), CESSATION_OF_OPERATION(5), CERTIFICATE_HOLD(6);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<RevocationReason> of(int code) {
        return Arrays.stream(values()).filter(reason -> reason.code == code).findFirst();
    }
}

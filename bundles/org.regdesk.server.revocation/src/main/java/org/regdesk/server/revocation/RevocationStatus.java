package org.regdesk.server.revocation;

import java.time.Instant;
import java.util.Optional;

/**
 * What the CA's revocation data says about one certificate.
 *
 * @param state the answer
 * @param source where it came from ({@link Source#NONE} when {@link State#UNAVAILABLE})
 * @param revokedAt when it was revoked or suspended, for REVOKED and ON_HOLD
 * @param reasonCode the RFC 5280 CRLReason code, when the CA gave one
 * @param detail why the answer is what it is, in English, for logs and audit (never a secret)
 */
public record RevocationStatus(State state, Source source, Optional<Instant> revokedAt, Optional<Integer> reasonCode, String detail) {

    public enum State {
        GOOD,
        /** Suspended (certificateHold): not usable until the CA resumes it. */
        ON_HOLD,
        REVOKED,
        /** The CA does not know the certificate (OCSP "unknown"). */
        UNKNOWN,
        /** No current, correctly signed answer could be had (responder down and CRL stale or missing). */
        UNAVAILABLE
    }

    public enum Source {
        OCSP, CRL, NONE
    }

    /** RFC 5280 certificateHold. */
    public static final int CERTIFICATE_HOLD = 6;

    public RevocationStatus {
        revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
        reasonCode = reasonCode == null ? Optional.empty() : reasonCode;
    }

    public static RevocationStatus good(Source source) {
        return new RevocationStatus(State.GOOD, source, Optional.empty(), Optional.empty(), "good");
    }

    /** REVOKED, or ON_HOLD for certificateHold. */
    public static RevocationStatus revoked(Source source, Instant at, Optional<Integer> reasonCode) {
        boolean hold = reasonCode.isPresent() && reasonCode.get() == CERTIFICATE_HOLD;
        return new RevocationStatus(hold ? State.ON_HOLD : State.REVOKED, source, Optional.of(at), reasonCode,
                hold ? "on hold" : "revoked" + reasonCode.map(code -> ", reason " + code).orElse(""));
    }

    public static RevocationStatus unknown(Source source) {
        return new RevocationStatus(State.UNKNOWN, source, Optional.empty(), Optional.empty(), "unknown to the CA");
    }

    public static RevocationStatus unavailable(String detail) {
        return new RevocationStatus(State.UNAVAILABLE, Source.NONE, Optional.empty(), Optional.empty(), detail);
    }
}

package org.regdesk.server.ca;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One issued certificate as the desk and the portal show it. {@code keyType} e.g. "RSA-2048",
 * "EC P-256"; {@code revocationTime} and {@code reason} are present when on hold or revoked.
 */
public record CertificateRecord(BigInteger serial, String issuerId, String holderTckn, String cardSerial, String keyType,
        Instant notBefore, Instant notAfter, CertificateStatus status, Optional<Instant> revocationTime,
        Optional<RevocationReason> reason) {

    public CertificateRecord {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(revocationTime, "revocationTime");
        Objects.requireNonNull(reason, "reason");
    }

    /** The serial as CAs print it: upper-case hex. */
    public String serialHex() {
        return serial.toString(16).toUpperCase(java.util.Locale.ROOT);
    }
}

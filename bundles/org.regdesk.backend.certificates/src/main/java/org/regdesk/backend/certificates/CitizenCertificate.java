package org.regdesk.backend.certificates;

import java.time.Instant;

/**
 * One of the citizen's certificates as a desk lists it.
 *
 * @param serial the certificate serial number, upper-case hex
 * @param cardSerial the card it was issued onto (may be null when the CA does not know)
 * @param keyType e.g. "RSA-2048", "EC P-256"
 * @param status VALID, ON_HOLD, REVOKED or EXPIRED
 * @param reason the RFC 5280 reason when on hold or revoked (CERTIFICATE_HOLD, KEY_COMPROMISE, ...), else null
 * @param statusSince when it was put on hold or revoked, else null
 */
public record CitizenCertificate(String serial, String cardSerial, String keyType, Instant notBefore, Instant notAfter,
        String status, String reason, Instant statusSince) {
}

package org.regdesk.backend.api.v1;

import java.time.Instant;

/**
 * One application in the production queue.
 *
 * @param kind NEW or RENEWAL
 * @param state WAITING (a renewal before two months ahead of the current certificate's expiry) or READY
 * @param basis how the application is signed: E_ONAY
 */
public record CertificateApplication(String id, String tckn, String citizenName, String kind, String basis, String state,
        Instant readyAt, Instant createdAt, Instant currentCertificateNotAfter) {
}

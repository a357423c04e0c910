package org.regdesk.server.ca;

/** Where a certificate stands; EXPIRED wins over VALID and ON_HOLD once notAfter has passed. */
public enum CertificateStatus {
    VALID, ON_HOLD, REVOKED, EXPIRED
}

package org.regdesk.server.ca;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.regdesk.server.desk.Actor;
import org.regdesk.server.desk.Refusal;

/**
 * A certificate authority as the registry uses it. Registered as an OSGi service; the certificate
 * operations bind the best-ranked one. Status changes take effect in the CA's revocation data (CRL,
 * OCSP) before the call returns, so a relying party asking right after sees them. Refusals carry
 * codes: CERTIFICATE_UNKNOWN, CERTIFICATE_REVOKED (revocation is final), CERTIFICATE_NOT_ON_HOLD,
 * CERTIFICATE_EXPIRED, CA_UNAVAILABLE.
 */
@ConsumerType
public interface CertificateAuthority {

    /** The CA's short name, as in {@code /crl/<id>.crl}. */
    String id();

    /** The certificates issued to the citizen with this TCKN, newest first, expired ones included. */
    List<CertificateRecord> certificatesOf(String tckn) throws Refusal;

    Optional<CertificateRecord> certificate(BigInteger serial) throws Refusal;

    /** Puts a valid certificate on hold (reason certificateHold); holding one already on hold is a no-op. */
    CertificateRecord suspend(BigInteger serial, Actor by) throws Refusal;

    /** Takes a certificate off hold; it is valid again (removeFromCRL in delta terms, absent from the next CRL). */
    CertificateRecord resume(BigInteger serial, Actor by) throws Refusal;

    /** Revokes for good, also from hold; {@code reason} must not be {@link RevocationReason#CERTIFICATE_HOLD}. */
    CertificateRecord revoke(BigInteger serial, RevocationReason reason, Actor by) throws Refusal;
}

package org.regdesk.server.revocation;

import java.security.cert.X509Certificate;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The revocation status of a certificate now, from its CA's signed revocation data. Never throws for
 * an unreachable or lying source: that is {@link RevocationStatus.State#UNAVAILABLE}, with the reason.
 */
@ProviderType
public interface RevocationChecker {

    /**
     * @param certificate the certificate in question
     * @param issuer the CA certificate that issued it (already validated by the caller); it signs the
     *        CRL and the OCSP answer, or certifies the delegated OCSP responder
     */
    RevocationStatus check(X509Certificate certificate, X509Certificate issuer);
}

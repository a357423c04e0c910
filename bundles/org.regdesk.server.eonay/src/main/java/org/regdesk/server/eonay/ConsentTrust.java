package org.regdesk.server.eonay;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What an E-Onay signature must chain to, and the revocation data to check it with, as it is now.
 * Registered as an OSGi service: the files of {@link TrustFiles} by default; a provider with live
 * revocation data replaces it by {@code service.ranking} or the E-Onay routes' target filter.
 */
@ConsumerType
public interface ConsentTrust {

    /** False when no anchor is configured: every signature is refused (EONAY_NOT_CONFIGURED). */
    boolean configured();

    ConsentVerifier.Trust current();
}

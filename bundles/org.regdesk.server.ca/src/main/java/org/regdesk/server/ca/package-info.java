/**
 * The registry's integration point with a certificate authority: the certificates a citizen holds and
 * their status, suspension (certificateHold), resumption and revocation with an RFC 5280 reason. A
 * CA's own system implements {@link CertificateAuthority}; the server ships a reference CA that keeps
 * its key in a PKCS#12 file or behind PKCS#11 and publishes CRLs and OCSP answers.
 */
@Version("1.0.0")
package org.regdesk.server.ca;

import org.osgi.annotation.versioning.Version;

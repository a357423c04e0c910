/**
 * Revocation checking as a relying party does it: ask the CA's OCSP responder first, fall back to its
 * CRL (kept until its nextUpdate), and say UNAVAILABLE rather than guess when neither answers with a
 * current, correctly signed statement. Callers decide what UNAVAILABLE means; E-Onay refuses.
 */
@Version("1.0.0")
package org.regdesk.server.revocation;

import org.osgi.annotation.versioning.Version;

/**
 * The backend's card keys: per-card admin keys diversified from a master key, and the unblock
 * cryptograms computed with them. The master key stays inside a {@link org.regdesk.server.keys.CardKeyService}
 * (a keystore file in development, an HSM behind the same interface in production).
 */
@Version("1.1.0")
package org.regdesk.server.keys;

import org.osgi.annotation.versioning.Version;

package org.regdesk.server.portal;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.regdesk.backend.api.Tckn;

/**
 * Who the citizen on the portal is. RegDesk ships a development provider (TCKN + password from the
 * registry, development mode only); a CA registers its own service (e-Devlet, OIDC) with a
 * {@value #NAME} property, and {@code identity.provider} in {@code etc/org.regdesk.server.portal.cfg}
 * names the one the portal uses.
 */
@ConsumerType
public interface IdentityProvider {

    /** The service property that names a provider, e.g. {@code oidc}; {@code development} is RegDesk's own. */
    String NAME = "regdesk.identity.provider";

    /** Shown on the sign-in page, e.g. "RegDesk geliştirme girişi". */
    String displayName();

    /** The citizen, if the credentials are right; never says which part was wrong. */
    Optional<Tckn> authenticate(String tckn, char[] password);
}

package org.regdesk.server.portal;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.regdesk.backend.api.Tckn;

/**
 * Who the citizen on the portal is. RegDesk ships a development provider (TCKN + password from the
 * registry); a CA registers its own service with a higher {@code service.ranking} (e-Devlet, OIDC), and
 * the portal uses the best-ranked one.
 */
@ConsumerType
public interface IdentityProvider {

    /** Shown on the sign-in page, e.g. "RegDesk geliştirme girişi". */
    String displayName();

    /** The citizen, if the credentials are right; never says which part was wrong. */
    Optional<Tckn> authenticate(String tckn, char[] password);
}

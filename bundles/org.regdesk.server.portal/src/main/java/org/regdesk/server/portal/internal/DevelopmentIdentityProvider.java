package org.regdesk.server.portal.internal;

import java.util.Optional;

import org.regdesk.backend.api.Tckn;
import org.regdesk.server.portal.IdentityProvider;
import org.regdesk.server.store.Citizens;
import org.regdesk.server.store.PasswordHashes;

/** TCKN and a password from the registry's citizens table: for development and demos only. */
public final class DevelopmentIdentityProvider implements IdentityProvider {

    private final Citizens citizens;
    private final String decoy = PasswordHashes.decoy();

    public DevelopmentIdentityProvider(Citizens citizens) {
        this.citizens = citizens;
    }

    @Override
    public String displayName() {
        return "RegDesk geliştirme girişi / development sign-in";
    }

    @Override
    public Optional<Tckn> authenticate(String tckn, char[] password) {
        if (!Tckn.isValid(tckn)) {
            PasswordHashes.matches(password, decoy); // same time as a real check
            return Optional.empty();
        }
        Tckn citizen = new Tckn(tckn);
        String hash = citizens.portalPasswordHash(citizen).orElse(decoy);
        return PasswordHashes.matches(password, hash) ? Optional.of(citizen) : Optional.empty();
    }
}

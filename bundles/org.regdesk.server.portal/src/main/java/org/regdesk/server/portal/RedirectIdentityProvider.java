package org.regdesk.server.portal;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;
import org.regdesk.backend.api.Tckn;

/**
 * An identity provider the citizen signs in at, on its own pages (OpenID Connect, the state's single sign-on): the
 * portal sends the browser there and takes it back at its callback. Registered like an {@link IdentityProvider}, with an
 * {@link IdentityProvider#NAME} property that {@code identity.provider} names. The portal keeps what the provider needs
 * to finish (nonce, PKCE verifier) on the server, bound to the state and to the browser that started, and uses it once.
 */
@ConsumerType
public interface RedirectIdentityProvider {

    /** Shown on the portal's sign-in button, e.g. "e-Devlet Kapısı ile giriş". */
    String displayName();

    /** A sign-in begun: where the browser goes, the state it brings back, and what the portal keeps until then (secret). */
    record Started(URI redirect, String state, String pending) {
        @Override
        public String toString() {
            return "Started[" + redirect.getHost() + ", pending=***]";
        }
    }

    /**
     * Begins a sign-in that comes back to {@code callback}.
     *
     * @throws SignInRefused {@code PROVIDER_UNAVAILABLE} when the provider cannot be reached
     */
    Started start(URI callback) throws SignInRefused;

    /**
     * The browser came back to {@code callback} with these query parameters, for the sign-in that {@link #start} began
     * with {@code pending}: the citizen the provider vouches for.
     *
     * @throws SignInRefused with a stable code the portal translates (see {@link SignInRefused})
     */
    Tckn finish(URI callback, Map<String, String> parameters, String pending) throws SignInRefused;

    /** Where to sign out at the provider too, coming back to {@code after}; empty when the provider has no such page. */
    Optional<URI> signOut(URI after);

    /**
     * A sign-in that did not end with a citizen. Codes: {@code CANCELLED} (the citizen or the provider stopped it),
     * {@code PROVIDER_UNAVAILABLE}, {@code CODE_REJECTED} (the provider refused the code: used or expired),
     * {@code TOKEN_INVALID} (signature, issuer, audience, expiry or nonce wrong), {@code IDENTITY_MISSING} (no valid
     * TCKN in the configured claim).
     */
    final class SignInRefused extends Exception {

        private static final long serialVersionUID = 1L;

        private final String code;

        public SignInRefused(String code, String detail) {
            super(code + ": " + detail);
            this.code = code;
        }

        public SignInRefused(String code, String detail, Throwable cause) {
            super(code + ": " + detail, cause);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}

package org.regdesk.server.portal.oidc.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.regdesk.backend.api.Tckn;
import org.regdesk.server.portal.RedirectIdentityProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;

/**
 * Citizens sign in at an OpenID Connect provider: authorization code flow with PKCE (S256), state and nonce; the code
 * is exchanged with the client secret (HTTP Basic); the ID token's signature is checked against the provider's JWKS
 * (fetched, cached, fetched again for a key id it does not know: key rotation), its issuer, audience, expiry and nonce
 * by Nimbus' {@link IDTokenValidator} with a bounded clock skew; the TCKN comes from a configured claim. The provider's
 * metadata is discovered from the issuer and kept for an hour.
 */
public final class OidcIdentityProvider implements RedirectIdentityProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OidcIdentityProvider.class);
    private static final Duration METADATA_LIFETIME = Duration.ofHours(1);
    /** The signature algorithms accepted on ID tokens: asymmetric only (a shared-secret HMAC token is refused). */
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    /** What the provider is told and checked against. */
    public record Settings(Issuer issuer, ClientID client, Secret secret, String tcknClaim, Scope scope, Duration clockSkew,
            Duration timeout, String displayName) {
    }

    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator, Instant fetched) {
    }

    private final Settings settings;
    private final Clock clock;
    private volatile Discovered discovered;

    public OidcIdentityProvider(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String displayName() {
        return settings.displayName();
    }

    @Override
    public Started start(URI callback) throws SignInRefused {
        OIDCProviderMetadata metadata = discovered().metadata();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, settings.scope(), settings.client(),
                callback).endpointURI(metadata.getAuthorizationEndpointURI()).state(state).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256).build();
        return new Started(request.toURI(), state.getValue(), nonce.getValue() + " " + verifier.getValue());
    }

    @Override
    public Tckn finish(URI callback, Map<String, String> parameters, String pending) throws SignInRefused {
        if (parameters.containsKey("error")) {
            // access_denied, login_required, ...: the citizen or the provider stopped; nothing to verify
            throw new SignInRefused("CANCELLED", "the provider answered " + parameters.get("error"));
        }
        Discovered provider = discovered();
        String issuer = parameters.get("iss");
        if (issuer != null && !issuer.equals(settings.issuer().getValue())) {
            throw new SignInRefused("TOKEN_INVALID", "the answer names another issuer (RFC 9207): " + issuer); // mix-up
        }
        String code = parameters.get("code");
        String[] kept = pending.split(" ", 2);
        if (code == null || code.isBlank() || kept.length != 2) {
            throw new SignInRefused("CODE_REJECTED", "no authorization code in the answer");
        }
        OIDCTokenResponse tokens = exchange(provider.metadata(), callback, code, new CodeVerifier(kept[1]));
        IDTokenClaimsSet claims;
        try {
            claims = provider.validator().validate(tokens.getOIDCTokens().getIDToken(), new Nonce(kept[0]));
        } catch (BadJOSEException | JOSEException e) {
            LOG.warn("ID token refused: {}", e.getMessage()); // the reason (signature, expiry, nonce, audience), never the token
            throw new SignInRefused("TOKEN_INVALID", e.getMessage(), e);
        }
        Object value;
        try {
            value = claims.toJWTClaimsSet().getClaim(settings.tcknClaim());
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new SignInRefused("TOKEN_INVALID", "the ID token's claims cannot be read", e);
        }
        if (!(value instanceof String tckn) || !Tckn.isValid(tckn)) {
            throw new SignInRefused("IDENTITY_MISSING", "claim " + settings.tcknClaim() + " is not a valid TCKN");
        }
        return new Tckn(tckn);
    }

    private OIDCTokenResponse exchange(OIDCProviderMetadata metadata, URI callback, String code, CodeVerifier verifier)
            throws SignInRefused {
        TokenRequest request = new TokenRequest.Builder(metadata.getTokenEndpointURI(),
                new ClientSecretBasic(settings.client(), settings.secret()),
                new AuthorizationCodeGrant(new AuthorizationCode(code), callback, verifier)).build();
        HTTPResponse answer;
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout((int) settings.timeout().toMillis());
            http.setReadTimeout((int) settings.timeout().toMillis());
            answer = http.send();
        } catch (IOException e) {
            throw new SignInRefused("PROVIDER_UNAVAILABLE", "token endpoint: " + e.getMessage(), e);
        }
        TokenResponse parsed;
        try {
            parsed = OIDCTokenResponseParser.parse(answer);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new SignInRefused(answer.getStatusCode() >= 500 ? "PROVIDER_UNAVAILABLE" : "TOKEN_INVALID",
                    "token endpoint answered " + answer.getStatusCode() + " without a readable body", e);
        }
        if (!parsed.indicatesSuccess()) {
            ErrorObject error = parsed.toErrorResponse().getErrorObject();
            // invalid_grant: the code was used already, has expired, or the PKCE verifier does not fit it
            throw new SignInRefused(OAuth2Error.INVALID_GRANT.getCode().equals(error.getCode()) ? "CODE_REJECTED"
                    : error.getHTTPStatusCode() >= 500 ? "PROVIDER_UNAVAILABLE" : "TOKEN_INVALID",
                    "token endpoint: " + error.getCode());
        }
        return (OIDCTokenResponse) parsed.toSuccessResponse();
    }

    @Override
    public Optional<URI> signOut(URI after) {
        Discovered provider;
        try {
            provider = discovered();
        } catch (SignInRefused unavailable) {
            return Optional.empty(); // signed out here; the provider's session ends on its own
        }
        URI endSession = provider.metadata().getEndSessionEndpointURI();
        if (endSession == null) {
            return Optional.empty();
        }
        // RP-Initiated Logout 1.0 with client_id instead of an ID token hint: the portal keeps no ID tokens
        return Optional.of(URI.create(endSession + (endSession.getQuery() == null ? "?" : "&") + "client_id="
                + encode(settings.client().getValue()) + "&post_logout_redirect_uri=" + encode(after.toString())));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The provider's metadata and an ID token validator on its JWKS, discovered at most once an hour. */
    private Discovered discovered() throws SignInRefused {
        Discovered now = discovered;
        if (now != null && clock.instant().isBefore(now.fetched().plus(METADATA_LIFETIME))) {
            return now;
        }
        synchronized (this) {
            if (discovered != now) {
                return discovered;
            }
            int timeout = (int) settings.timeout().toMillis();
            try {
                OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(settings.issuer(), timeout, timeout);
                JWKSource<SecurityContext> keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL(),
                        new com.nimbusds.jose.util.DefaultResourceRetriever(timeout, timeout)).retrying(true).build();
                IDTokenValidator validator = new IDTokenValidator(settings.issuer(), settings.client(),
                        new JWSVerificationKeySelector<>(ALGORITHMS, keys), null);
                validator.setMaxClockSkew((int) settings.clockSkew().toSeconds());
                discovered = new Discovered(metadata, validator, clock.instant());
                return discovered;
            } catch (IOException | GeneralException | RuntimeException e) {
                if (now != null) {
                    LOG.warn("OpenID provider {} not reachable for its metadata ({}); using what was fetched at {}",
                            settings.issuer(), e.toString(), now.fetched());
                    return now;
                }
                throw new SignInRefused("PROVIDER_UNAVAILABLE", settings.issuer() + ": " + e.getMessage(), e);
            }
        }
    }
}

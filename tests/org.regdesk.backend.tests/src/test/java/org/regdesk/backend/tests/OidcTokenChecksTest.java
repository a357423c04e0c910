package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regdesk.server.portal.RedirectIdentityProvider;
import org.regdesk.server.portal.oidc.internal.OidcIdentityProvider;
import org.regdesk.server.store.DemoData;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.sun.net.httpserver.HttpServer;

/**
 * The ID token checks on answers a certified provider never gives: a provider double (discovery, JWKS, token
 * endpoint on the JDK's HTTP server) hands out tokens the test makes. A good token passes (so each refusal below is
 * the check's, not the harness'); a forged signature, an expired token, another audience or issuer, a MAC under the
 * client secret are refused; a token within the clock skew passes; a key the provider rotated in is fetched.
 */
class OidcTokenChecksTest {

    private static final String CLIENT = "regdesk-portal";
    private static final String SECRET = "client-secret-of-at-least-32-bytes!!";

    private HttpServer server;
    private String issuer;
    private volatile JWKSet published;
    private volatile String nextIdToken;
    private final ECKey providerKey = key("k1");
    private OidcIdentityProvider oidc;
    private final URI callback = URI.create("https://portal.example/portal/sign-in/callback");

    @BeforeEach
    void startProviderDouble() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        published = new JWKSet(providerKey.toPublicJWK());
        serve("/.well-known/openid-configuration", () -> "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer
                + "/auth\",\"token_endpoint\":\"" + issuer + "/token\",\"jwks_uri\":\"" + issuer + "/jwks\","
                + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                + "\"id_token_signing_alg_values_supported\":[\"ES256\"]}");
        serve("/jwks", () -> published.toString());
        serve("/token", () -> "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":60,\"id_token\":\"" + nextIdToken + "\"}");
        server.start();
        oidc = new OidcIdentityProvider(new OidcIdentityProvider.Settings(new Issuer(issuer), new ClientID(CLIENT), new Secret(SECRET),
                "tckn", new Scope("openid"), Duration.ofSeconds(60), Duration.ofSeconds(5), "Test"), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aGoodTokenPassesAndAForgedExpiredMisaddressedOrSharedSecretOneIsRefused() throws Exception {
        assertEquals(DemoData.AYSE, signIn(claims -> claims, providerKey, JWSAlgorithm.ES256));

        assertRefused("TOKEN_INVALID", claims -> claims, key("k1"), JWSAlgorithm.ES256); // same key id, another key
        assertRefused("TOKEN_INVALID", claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(600))), providerKey,
                JWSAlgorithm.ES256);
        assertEquals(DemoData.AYSE, signIn(claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(30))), providerKey,
                JWSAlgorithm.ES256), "30 s late is within the 60 s clock skew");
        assertRefused("TOKEN_INVALID", claims -> claims.audience("another-client"), providerKey, JWSAlgorithm.ES256);
        assertRefused("TOKEN_INVALID", claims -> claims.issuer("https://elsewhere.example"), providerKey, JWSAlgorithm.ES256);
        assertRefused("TOKEN_INVALID", claims -> claims, null, JWSAlgorithm.HS256); // a MAC anyone with the client secret can make
        assertRefused("IDENTITY_MISSING", claims -> claims.claim("tckn", "12345678901"), providerKey, JWSAlgorithm.ES256);
    }

    @Test
    void aKeyTheProviderRotatedInIsFetchedWhenATokenNamesIt() throws Exception {
        assertEquals(DemoData.AYSE, signIn(claims -> claims, providerKey, JWSAlgorithm.ES256));
        ECKey next = key("k2");
        published = new JWKSet(List.of(next.toPublicJWK(), providerKey.toPublicJWK()));
        assertEquals(DemoData.AYSE, signIn(claims -> claims, next, JWSAlgorithm.ES256));
    }

    private void assertRefused(String code, Function<JWTClaimsSet.Builder, JWTClaimsSet.Builder> change, ECKey key,
            JWSAlgorithm algorithm) {
        RedirectIdentityProvider.SignInRefused refused = assertThrows(RedirectIdentityProvider.SignInRefused.class,
                () -> signIn(change, key, algorithm));
        assertEquals(code, refused.code(), refused.getMessage());
    }

    /** One sign-in whose token endpoint answers with the ID token made from good claims changed by {@code change}. */
    private org.regdesk.backend.api.Tckn signIn(Function<JWTClaimsSet.Builder, JWTClaimsSet.Builder> change, ECKey key,
            JWSAlgorithm algorithm) throws Exception {
        RedirectIdentityProvider.Started started = oidc.start(callback);
        String nonce = started.pending().split(" ")[0];
        Instant now = Instant.now();
        JWTClaimsSet claims = change.apply(new JWTClaimsSet.Builder().issuer(issuer).subject("citizen-1").audience(CLIENT)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).claim("nonce", nonce)
                .claim("tckn", DemoData.AYSE.value())).build();
        nextIdToken = sign(claims, key, algorithm);
        return oidc.finish(callback, Map.of("code", "code-1", "state", started.state()), started.pending());
    }

    private static String sign(JWTClaimsSet claims, ECKey key, JWSAlgorithm algorithm) throws JOSEException {
        if (algorithm == JWSAlgorithm.HS256) {
            SignedJWT mac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            mac.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
            return mac.serialize();
        }
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
        token.sign(new ECDSASigner(key));
        return token.serialize();
    }

    private static ECKey key(String id) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(String path, java.util.function.Supplier<String> json) {
        server.createContext(path, exchange -> {
            byte[] body = json.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }
}

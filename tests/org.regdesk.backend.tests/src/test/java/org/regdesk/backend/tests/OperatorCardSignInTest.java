package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regdesk.backend.api.v1.CardSignInRequest;
import org.regdesk.card.reference.TestCardFactory;
import org.regdesk.server.http.internal.JsonResponses;
import org.regdesk.server.store.OperatorCards;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Operators sign in with their own card over the desk API: a challenge for this desk, the card's signature over it
 * (RSA, and ECDSA as the r|s a PKCS#11 token returns), the certificate enrolled for the account. A used, expired or
 * other desk's challenge, a signature made for another desk, an unenrolled or withdrawn certificate are refused, each
 * counted against the desk's limit and audited.
 */
class OperatorCardSignInTest {

    private TestBackend backend;

    @BeforeEach
    void start() throws Exception {
        backend = new TestBackend(Files.createTempDirectory("regdesk-card-sign-in"), TestDatabase.H2);
    }

    @AfterEach
    void stop() throws Exception {
        backend.close();
    }

    @Test
    void anEnrolledCardSignsTheDesksChallengeAndTheOperatorIsSignedIn() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        X509Certificate certificate = enrol("operator1", keys);
        String challenge = challenge("DESK-001");

        JsonNode signedIn = body(signIn("DESK-001", challenge, certificate, sign("SHA256withRSA", keys, "DESK-001", challenge)), 200);
        assertEquals("operator1", signedIn.get("username").asText());
        HttpResponse<String> signOut = post("DESK-001", "/api/v1/operators/sign-out", "{}", signedIn.get("token").asText());
        assertEquals(200, signOut.statusCode(), "the token stands for the operator at this desk: " + signOut.body());
        assertTrue(backend.auditRecords().stream().anyMatch(record -> record.action().equals("OPERATOR_SIGN_IN")
                && record.outcome().equals("OK") && "CARD".equals(record.details().get("method"))));

        assertEquals("CHALLENGE_INVALID", refusal(signIn("DESK-001", challenge, certificate,
                sign("SHA256withRSA", keys, "DESK-001", challenge))), "a challenge works once");
    }

    @Test
    void anEcKeyMaySignAsAPkcs11TokenDoes() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        X509Certificate certificate = enrol("supervisor1", keys);
        String challenge = challenge("DESK-002");
        byte[] der = sign("SHA256withECDSA", keys, "DESK-002", challenge);
        assertEquals("supervisor1", body(signIn("DESK-002", challenge, certificate, rawRs(der)), 200).get("username").asText());
    }

    @Test
    void whatDoesNotProveThisOperatorAtThisDeskNowIsRefusedAndCounted() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        X509Certificate certificate = enrol("operator1", keys);

        String other = challenge("DESK-004");
        assertEquals("CHALLENGE_INVALID", refusal(signIn("DESK-003", other, certificate, sign("SHA256withRSA", keys, "DESK-003", other))),
                "another desk's challenge");
        String forAnotherDesk = challenge("DESK-003");
        assertEquals("CARD_SIGNATURE_INVALID", refusal(signIn("DESK-003", forAnotherDesk, certificate,
                sign("SHA256withRSA", keys, "DESK-004", forAnotherDesk))), "a signature made for another desk");
        KeyPair stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String unknown = challenge("DESK-003");
        assertEquals("CARD_NOT_ENROLLED", refusal(signIn("DESK-003", unknown, issue(stranger), sign("SHA256withRSA", stranger,
                "DESK-003", unknown))));
        String late = challenge("DESK-003");
        backend.clock.advance(Duration.ofSeconds(61));
        assertEquals("CHALLENGE_INVALID", refusal(signIn("DESK-003", late, certificate, sign("SHA256withRSA", keys, "DESK-003", late))),
                "60 seconds to sign");
        new OperatorCards(backend.database).revoke(OperatorCards.fingerprint(certificate), Instant.now());
        String withdrawn = challenge("DESK-003");
        assertEquals("CARD_CERTIFICATE_INVALID", refusal(signIn("DESK-003", withdrawn, certificate,
                sign("SHA256withRSA", keys, "DESK-003", withdrawn))), "a withdrawn card");

        String sixth = challenge("DESK-003");
        assertEquals("TOO_MANY_ATTEMPTS", refusal(signIn("DESK-003", sixth, certificate, sign("SHA256withRSA", keys, "DESK-003", sixth))),
                "five failures per desk in 10 minutes");
        assertTrue(backend.auditRecords().stream().anyMatch(record -> record.outcome().equals("CARD_NOT_ENROLLED")));
    }

    private X509Certificate enrol(String operator, KeyPair keys) throws Exception {
        X509Certificate certificate = issue(keys);
        new OperatorCards(backend.database).enrol(operator, certificate, Instant.now());
        return certificate;
    }

    private X509Certificate issue(KeyPair keys) throws Exception {
        Instant now = Instant.now();
        return backend.demoCa.pki().issue(keys.getPublic(), new TestCardFactory.Holder("OPERATÖR BİR", "10000000146"),
                backend.demoCa.pki().randomSerial(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)),
                KeyUsage.digitalSignature, false);
    }

    private static byte[] sign(String algorithm, KeyPair keys, String desk, String challenge) throws Exception {
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(keys.getPrivate());
        signature.update(CardSignInRequest.signedMessage(desk, challenge));
        return signature.sign();
    }

    /** The DER ECDSA signature as r|s, 32 bytes each. */
    private static byte[] rawRs(byte[] der) {
        int offset = 3 + (der[1] == (byte) 0x81 ? 1 : 0);
        int rLength = der[offset];
        byte[] r = java.util.Arrays.copyOfRange(der, offset + 1, offset + 1 + rLength);
        int sLength = der[offset + 2 + rLength];
        byte[] s = java.util.Arrays.copyOfRange(der, offset + 3 + rLength, offset + 3 + rLength + sLength);
        byte[] raw = new byte[64];
        System.arraycopy(r, Math.max(0, r.length - 32), raw, 32 - Math.min(32, r.length), Math.min(32, r.length));
        System.arraycopy(s, Math.max(0, s.length - 32), raw, 64 - Math.min(32, s.length), Math.min(32, s.length));
        return raw;
    }

    private String challenge(String desk) throws Exception {
        return body(post(desk, "/api/v1/operators/sign-in/challenge", "{}", null), 200).get("challenge").asText();
    }

    private HttpResponse<String> signIn(String desk, String challenge, X509Certificate certificate, byte[] signature)
            throws Exception {
        return post(desk, "/api/v1/operators/sign-in/card", JsonResponses.MAPPER.writeValueAsString(new CardSignInRequest(challenge,
                Base64.getEncoder().encodeToString(certificate.getEncoded()), Base64.getEncoder().encodeToString(signature))), null);
    }

    private HttpResponse<String> post(String desk, String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backend.base + path.substring(1)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newBuilder().sslContext(backend.deskTls(desk)).build().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode body(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        return JsonResponses.MAPPER.readTree(response.body());
    }

    private static String refusal(HttpResponse<String> response) throws Exception {
        return JsonResponses.MAPPER.readTree(response.body()).path("code").asText(response.statusCode() + " " + response.body());
    }
}

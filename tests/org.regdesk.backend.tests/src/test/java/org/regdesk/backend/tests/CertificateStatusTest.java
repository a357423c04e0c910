package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.certificates.CitizenCertificate;
import org.regdesk.backend.certificates.CitizenCertificates;
import org.regdesk.backend.certificates.RevocationRequest;
import org.regdesk.backend.client.internal.HttpRegistryConnector;
import org.regdesk.card.reference.DemoTrust;
import org.regdesk.card.reference.TestCardFactory;
import org.regdesk.card.reference.TestPki;
import org.regdesk.server.store.CardRecord;
import org.regdesk.server.store.Citizen;
import org.regdesk.server.store.DemoData;

/**
 * Certificate status at the desk against the reference CA, with its revocation data checked by
 * relying parties that are not RegDesk: OpenSSL verifies every CRL and OCSP answer ({@code openssl
 * crl -verify}, {@code openssl verify -crl_check}, {@code openssl ocsp}), Bouncy Castle checks the
 * delegated responder's signature and the nonce. Suspend → on hold everywhere; resume → good and off
 * the CRL; revoke → revoked for good, with its reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateStatusTest {

    private TestBackend backend;
    private HttpRegistryConnector desk;
    private HttpClient relyingParty;
    private Path work;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        work = folder;
        backend = new TestBackend(folder.resolve("server"), TestDatabase.H2, null, caKeyPlace(folder));
        desk = backend.desk("DESK-001");
        desk.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
        relyingParty = HttpClient.newBuilder().sslContext(backend.deskTls("DESK-002")).connectTimeout(Duration.ofSeconds(5)).build();
        Files.writeString(work.resolve("ca.pem"), DemoTrust.pem("CERTIFICATE", backend.demoCa.testCaCertificate().getEncoded()));
    }

    /** Where the CA key is: a PKCS#12 file here, an HSM token in {@link CertificateStatusOnSoftHsmTest}. */
    TestBackend.CaKeyPlace caKeyPlace(Path folder) throws Exception {
        return TestBackend.CaKeyPlace.PKCS12;
    }

    @AfterAll
    void stop() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }

    /** A certificate the bureau issued onto a card of this citizen and handed to the CA's issuance folder. */
    private X509Certificate issued(Citizen citizen, String cardSerial, TestPki.KeyType type) throws Exception {
        return backend.issueQualified(citizen.fullName(), citizen.tckn(), cardSerial, type);
    }

    private DeskSession verifiedSession(Citizen citizen) throws Exception {
        String code = backend.registry.issueCode(citizen.tckn(), "CERTIFICATE_STATUS").orElseThrow().digits();
        DeskSession session = desk.openSession(new OpenSessionRequest("CERTIFICATE_STATUS", code, null, null));
        RegistryApiContract.refused("OTP_REQUIRED", () -> desk.get("desk-sessions/" + session.sessionId() + "/certificates",
                CitizenCertificates.class));
        desk.sendOtp(session.sessionId());
        desk.verifyOtp(session.sessionId(), backend.lastOtp(citizen.phone()));
        return session;
    }

    private CitizenCertificate step(DeskSession session, X509Certificate certificate, String action, Object body)
            throws Exception {
        return desk.post("desk-sessions/" + session.sessionId() + "/certificates/" + hex(certificate) + "/" + action, body,
                CitizenCertificate.class);
    }

    @Test
    void suspendResumeRevokeShowInTheListTheCrlAndOcspAsOpenSslReadsThem() throws Exception {
        Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
        String card = TestBackend.cardOf(citizen, CardRecord.REFERENCE);
        X509Certificate rsa = issued(citizen, card, TestPki.KeyType.RSA_2048);
        X509Certificate ec = issued(citizen, card + "-EC", TestPki.KeyType.EC_P256);
        DeskSession session = verifiedSession(citizen);

        CitizenCertificates listed = desk.get("desk-sessions/" + session.sessionId() + "/certificates", CitizenCertificates.class);
        assertEquals("regdesk-test-ca", listed.ca());
        assertEquals(2, listed.certificates().size(), listed.toString());
        CitizenCertificate rsaView = listed.certificates().stream().filter(c -> c.serial().equals(hex(rsa))).findFirst().orElseThrow();
        assertEquals(List.of("RSA-2048", card, "VALID"), List.of(rsaView.keyType(), rsaView.cardSerial(), rsaView.status()));
        assertTrue(listed.certificates().stream().anyMatch(c -> c.serial().equals(hex(ec)) && c.keyType().equals("EC P-256")));

        assertEquals("good", openSslOcsp(rsa));
        assertEquals("OK", openSslVerify(rsa));

        CitizenCertificate held = step(session, rsa, "suspend", null);
        assertEquals(List.of("ON_HOLD", "CERTIFICATE_HOLD"), List.of(held.status(), held.reason()));
        assertEquals("revoked certificateHold", openSslOcsp(rsa));
        assertEquals(6, reasonOnCrl(rsa), "certificateHold on the CRL");
        assertTrue(openSslVerify(rsa).contains("certificate revoked"), "openssl verify -crl_check refuses a held certificate");
        assertEquals("good", openSslOcsp(ec), "the other certificate stays good");

        CitizenCertificate resumed = step(session, rsa, "resume", null);
        assertEquals("VALID", resumed.status());
        assertEquals("good", openSslOcsp(rsa));
        assertEquals(-1, reasonOnCrl(rsa), "off the next CRL");

        RegistryApiContract.refused("INVALID_FIELD", () -> step(session, rsa, "revoke", new RevocationRequest("KEY_COMPROMISE", "00")));
        RegistryApiContract.refused("INVALID_FIELD", () -> step(session, rsa, "revoke", new RevocationRequest("CERTIFICATE_HOLD",
                hex(rsa))));
        CitizenCertificate revoked = step(session, rsa, "revoke", new RevocationRequest("KEY_COMPROMISE", hex(rsa)));
        assertEquals(List.of("REVOKED", "KEY_COMPROMISE"), List.of(revoked.status(), revoked.reason()));
        assertNotNull(revoked.statusSince());
        assertEquals("revoked keyCompromise", openSslOcsp(rsa));
        assertEquals(1, reasonOnCrl(rsa));
        RegistryApiContract.refused("CERTIFICATE_REVOKED", () -> step(session, rsa, "resume", null));
        RegistryApiContract.refused("CERTIFICATE_REVOKED", () -> step(session, rsa, "suspend", null));

        List<String> actions = backend.auditRecords().stream().map(record -> record.action() + ":" + record.outcome()).toList();
        assertTrue(actions.containsAll(List.of("CERTIFICATE_SUSPEND:ACCEPTED", "CERTIFICATE_RESUME:ACCEPTED",
                "CERTIFICATE_REVOKE:ACCEPTED", "CERTIFICATE_RESUME:CERTIFICATE_REVOKED")), actions.toString());
        assertTrue(backend.auditRecords().stream().anyMatch(record -> record.action().equals("CERTIFICATE_REVOKE")
                && "KEY_COMPROMISE".equals(record.details().get("reason")) && card.equals(record.details().get("card"))
                && record.operator().equals("operator1") && record.desk().equals("DESK-001")), "operator, desk, card and reason");
    }

    @Test
    void finishingEndsTheSessionCompletedAndItChangesNothingMore() throws Exception {
        Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
        X509Certificate certificate = issued(citizen, TestBackend.cardOf(citizen, CardRecord.REFERENCE), TestPki.KeyType.EC_P256);
        DeskSession session = verifiedSession(citizen);
        step(session, certificate, "suspend", null);
        org.regdesk.backend.api.v1.SessionState done = desk.post("desk-sessions/" + session.sessionId() + "/certificates/done",
                null, org.regdesk.backend.api.v1.SessionState.class);
        assertEquals("COMPLETED", done.state());
        RegistryApiContract.refused("SESSION_CLOSED", () -> step(session, certificate, "resume", null));
        RegistryApiContract.refused("SESSION_CLOSED", () -> desk.post("desk-sessions/" + session.sessionId()
                + "/certificates/done", null, org.regdesk.backend.api.v1.SessionState.class));
        assertEquals("revoked certificateHold", openSslOcsp(certificate), "the suspension stands");
    }

    @Test
    void anotherCitizensCertificateIsUnknownAndAnUnissuedSerialIsUnknownToOcsp() throws Exception {
        Citizen owner = backend.newCitizen(CardRecord.REFERENCE);
        X509Certificate theirs = issued(owner, TestBackend.cardOf(owner, CardRecord.REFERENCE), TestPki.KeyType.EC_P256);
        Citizen other = backend.newCitizen(CardRecord.REFERENCE);
        DeskSession session = verifiedSession(other);
        RegistryApiContract.refused("CERTIFICATE_UNKNOWN", () -> step(session, theirs, "suspend", null));
        assertEquals("good", openSslOcsp(theirs), "nothing changed");

        KeyPair keys = TestPki.KeyType.EC_P256.generate(new SecureRandom());
        TestPki pki = backend.demoCa.pki();
        X509Certificate neverIssued = pki.issue(keys.getPublic(), new TestCardFactory.Holder("X", owner.tckn().value()),
                pki.randomSerial(), Instant.now(), Instant.now().plus(Duration.ofDays(1)), KeyUsage.nonRepudiation, true);
        assertEquals("unknown", openSslOcsp(neverIssued));
    }

    @Test
    void ocspAnswersWithTheNonceSignedByTheDelegatedResponder() throws Exception {
        Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
        X509Certificate certificate = issued(citizen, TestBackend.cardOf(citizen, CardRecord.REFERENCE), TestPki.KeyType.RSA_2048);
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(backend.demoCa.testCaCertificate()), certificate.getSerialNumber());
        byte[] nonce = new byte[16];
        byte[] der;
        do { // a request whose base64 holds '/' and '+': the GET form must carry both url-encoded (RFC 6960 A.1)
            new SecureRandom().nextBytes(nonce);
            OCSPReqBuilder request = new OCSPReqBuilder().addRequest(id);
            request.setRequestExtensions(new Extensions(Extension.create(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(nonce))));
            der = request.build().getEncoded();
        } while (!Base64.getEncoder().encodeToString(der).contains("/") || !Base64.getEncoder().encodeToString(der).contains("+"));

        HttpResponse<byte[]> post = relyingParty.send(HttpRequest.newBuilder(backend.base.resolve("/ocsp"))
                .header("Content-Type", "application/ocsp-request").POST(HttpRequest.BodyPublishers.ofByteArray(der)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String encoded = URLEncoder.encode(Base64.getEncoder().encodeToString(der), StandardCharsets.UTF_8);
        HttpResponse<byte[]> get = relyingParty.send(HttpRequest.newBuilder(backend.base.resolve("/ocsp/" + encoded)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        for (HttpResponse<byte[]> response : List.of(post, get)) {
            assertEquals(200, response.statusCode(), () -> response.request().method() + " " + new String(response.body()));
            assertEquals("application/ocsp-response", response.headers().firstValue("Content-Type").orElse(""));
            BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(response.body()).getResponseObject();
            var responder = basic.getCerts()[0];
            assertTrue(org.bouncycastle.asn1.x509.ExtendedKeyUsage.fromExtensions(responder.getExtensions())
                    .hasKeyPurposeId(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_OCSPSigning), "id-kp-OCSPSigning");
            assertTrue(responder.isSignatureValid(new JcaContentVerifierProviderBuilder().build(backend.demoCa.testCaCertificate())),
                    "the CA certified the responder");
            assertTrue(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder)));
            assertEquals(new DEROctetString(nonce), basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getParsedValue());
            assertEquals(null, basic.getResponses()[0].getCertStatus(), "good");
        }
        HttpResponse<byte[]> garbage = relyingParty.send(HttpRequest.newBuilder(backend.base.resolve("/ocsp"))
                .header("Content-Type", "application/ocsp-request").POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] { 1, 2 }))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(1, new OCSPResp(garbage.body()).getStatus(), "malformedRequest");
        HttpResponse<byte[]> notBase64 = relyingParty.send(HttpRequest.newBuilder(backend.base.resolve("/ocsp/not-base64!"))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, notBase64.statusCode());
        assertEquals(1, new OCSPResp(notBase64.body()).getStatus(), "malformedRequest for a GET that is not base64");
    }

    /** Concurrent answers are each signed whole: a signer shared between requests would mix their bytes. */
    @Test
    void concurrentOcspAnswersAreEachValidlySigned() throws Exception {
        Citizen citizen = backend.newCitizen(CardRecord.REFERENCE);
        X509Certificate certificate = issued(citizen, TestBackend.cardOf(citizen, CardRecord.REFERENCE), TestPki.KeyType.EC_P256);
        byte[] der = new OCSPReqBuilder().addRequest(new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(backend.demoCa.testCaCertificate()),
                certificate.getSerialNumber())).build().getEncoded();
        HttpRequest request = HttpRequest.newBuilder(backend.base.resolve("/ocsp")).header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(der)).build();
        // 16 relying parties at once, 25 answers each: enough overlap to mix a shared signer's bytes, few enough
        // connections for a slow CI machine to open them all within the connect timeout
        java.util.concurrent.ExecutorService parties = java.util.concurrent.Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<byte[]>> answers = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            answers.add(parties.submit(() -> relyingParty.send(request, HttpResponse.BodyHandlers.ofByteArray()).body()));
        }
        parties.shutdown();
        int invalid = 0;
        for (var answer : answers) {
            OCSPResp response = new OCSPResp(answer.get());
            BasicOCSPResp basic = response.getStatus() == OCSPResp.SUCCESSFUL ? (BasicOCSPResp) response.getResponseObject() : null;
            if (basic == null || !basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(basic.getCerts()[0]))) {
                invalid++;
            }
        }
        assertEquals(0, invalid, "answers that are an error or carry a broken signature, out of " + answers.size());
    }

    /** The CRL entry's reason code for this certificate, -1 when it is not on the CRL; the CRL is checked by OpenSSL first. */
    private int reasonOnCrl(X509Certificate certificate) throws Exception {
        Path crl = downloadCrl();
        String verified = openssl("crl", "-inform", "DER", "-in", crl.toString(), "-CAfile", work.resolve("ca.pem").toString(),
                "-noout", "-verify");
        assertTrue(verified.contains("verify OK"), verified);
        X509CRL parsed = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(Files.newInputStream(crl));
        var entry = parsed.getRevokedCertificate(certificate.getSerialNumber());
        if (entry == null) {
            return -1;
        }
        return entry.getRevocationReason() == null ? 0 : entry.getRevocationReason().ordinal();
    }

    private Path downloadCrl() throws Exception {
        HttpResponse<byte[]> response = relyingParty.send(HttpRequest.newBuilder(backend.base.resolve("/crl/regdesk-test-ca.crl"))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("application/pkix-crl", response.headers().firstValue("Content-Type").orElse(""));
        Path file = Files.createTempFile(work, "crl", ".der");
        Files.write(file, response.body());
        return file;
    }

    /** {@code openssl verify -crl_check} with the live CRL: "OK", or OpenSSL's error. */
    private String openSslVerify(X509Certificate certificate) throws Exception {
        Path crl = downloadCrl();
        Path crlPem = work.resolve("crl.pem");
        openssl("crl", "-inform", "DER", "-in", crl.toString(), "-out", crlPem.toString());
        Path cert = Files.createTempFile(work, "cert", ".pem");
        Files.writeString(cert, DemoTrust.pem("CERTIFICATE", certificate.getEncoded()));
        String output = openssl("verify", "-crl_check", "-CAfile", work.resolve("ca.pem").toString(), "-CRLfile",
                crlPem.toString(), cert.toString());
        return output.strip().endsWith(": OK") ? "OK" : output;
    }

    /**
     * {@code openssl ocsp} against the live responder, verifying the answer with the CA as the trust
     * anchor (the delegated responder must chain to it) and a nonce: "good", "unknown" or
     * "revoked <reason>".
     */
    private String openSslOcsp(X509Certificate certificate) throws Exception {
        Path cert = Files.createTempFile(work, "cert", ".pem");
        Files.writeString(cert, DemoTrust.pem("CERTIFICATE", certificate.getEncoded()));
        // by name: OpenSSL sends the host as SNI even when it is an address, which Jetty's SNI check refuses
        String output = openssl("ocsp", "-issuer", work.resolve("ca.pem").toString(), "-cert", cert.toString(), "-url",
                "https://localhost:" + backend.base.getPort() + "/ocsp", "-CAfile", work.resolve("ca.pem").toString(), "-nonce");
        assertTrue(output.contains("Response verify OK"), output);
        String status = output.lines().filter(line -> line.startsWith(cert.toString() + ": ")).findFirst().orElseThrow(
                () -> new AssertionError(output)).substring(cert.toString().length() + 2).strip();
        if (status.equals("revoked")) {
            return status + " " + output.lines().filter(line -> line.strip().startsWith("Reason: ")).findFirst()
                    .map(line -> line.strip().substring("Reason: ".length())).orElse("(no reason)");
        }
        return status;
    }

    private static String openssl(String... arguments) throws Exception {
        boolean available = Files.isExecutable(Path.of("/usr/bin/openssl"));
        if (System.getenv("CI") != null) {
            assertTrue(available, "openssl must be installed (.ci/run installs it)");
        }
        Assumptions.assumeTrue(available, "openssl is not installed");
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "openssl " + String.join(" ", arguments));
        return output;
    }

    private static String hex(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
    }
}

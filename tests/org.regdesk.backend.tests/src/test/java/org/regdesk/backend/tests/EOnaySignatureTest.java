package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.regdesk.card.api.CardCertificate;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.reference.DemoTrust;
import org.regdesk.card.reference.TestCardFactory;
import org.regdesk.card.reference.TestPki;
import org.regdesk.eonay.ConsentSigner;
import org.regdesk.eonay.SigningCertificates;
import org.regdesk.server.eonay.ConsentTexts;
import org.regdesk.server.eonay.ConsentVerifier;
import org.regdesk.server.eonay.Rejection;
import org.regdesk.server.revocation.RevocationStatus;
import org.regdesk.server.revocation.internal.OcspCrlClient;

/**
 * E-Onay signatures as the desk makes them (the reference card applet on jCardSim signs the hash of the
 * signed attributes Bouncy Castle built) and as the registry checks them: accepted, and each way to get
 * it wrong refused with its own code. Every signature the desk makes is also checked by an independent
 * implementation, {@code openssl cms -verify}, against the test CA.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EOnaySignatureTest {

    private static final String TCKN = "10000000146";
    private static final TestCardFactory.Holder AYSE = new TestCardFactory.Holder("AYŞE YILMAZ", TCKN);
    private static final byte[] CONSENT = ConsentTexts.current(ConsentTexts.Kind.CONSENT).bytes();

    private TestCardFactory factory;
    private CardSession card;
    private CardCertificate certificate;
    private ConsentVerifier.Trust trust;
    private Path files;
    private Instant now;

    @BeforeAll
    void aReferenceCardWithItsPin() throws Exception {
        factory = new TestCardFactory(20261126L);
        card = ReferenceCardWithPin.create(factory, "RD0000000009", AYSE, "482915");
        card.verifyPin("482915".toCharArray());
        certificate = card.certificates().get(0);
        files = Files.createTempDirectory("regdesk-eonay");
        trust = trustWithCrl(factory.crl());
        Files.writeString(files.resolve("ca.pem"), DemoTrust.pem("CERTIFICATE", factory.testCaCertificate().getEncoded()));
        now = Instant.now();
    }

    @AfterAll
    void close() {
        card.close();
    }

    /**
     * Revocation as E-Onay asks it, with the OCSP responder down (a closed port) so that the answer comes
     * from this CRL file: the fallback path, checked by the real client.
     */
    private ConsentVerifier.Trust trustWithCrl(X509CRL crl) throws Exception {
        Path file = Files.write(files.resolve("ca-" + System.nanoTime() + ".crl"), crl.getEncoded());
        int closedPort = TestBackend.closedPort();
        OcspCrlClient client = new OcspCrlClient(new OcspCrlClient.Settings(Optional.of(URI.create("http://127.0.0.1:" + closedPort
                + "/ocsp")), List.of(file.toUri()), Duration.ofSeconds(2), Duration.ofMinutes(5)), HttpClient.newHttpClient(),
                Clock.systemUTC());
        return new ConsentVerifier.Trust(List.of(factory.testCaCertificate()), Set.of(TestPki.NES_POLICY), client);
    }

    private ConsentVerifier.Verified verify(byte[] cms, byte[] text, String tckn, ConsentVerifier.Trust with) throws Rejection {
        return ConsentVerifier.verify(cms, text, tckn, now.minus(Duration.ofMinutes(15)), now.plus(Duration.ofMinutes(2)), with);
    }

    private static Rejection.Code refusal(ThrowingSupplier check) {
        return assertThrows(Rejection.class, check::get).code();
    }

    interface ThrowingSupplier {
        Object get() throws Exception;
    }

    @Test
    void theCardsSignatureIsAcceptedHereAndByOpenssl() throws Exception {
        ConsentSigner.Signature signature = ConsentSigner.sign(card, certificate, CONSENT, now);
        ConsentVerifier.Verified verified = verify(signature.cms(), CONSENT, TCKN, trust);
        assertEquals(certificate.certificate(), verified.signer());
        assertEquals(now.getEpochSecond(), verified.signingTime().getEpochSecond());
        assertEquals(CONSENT.length, opensslVerify(signature.cms()).length);
        assertArrayEquals(CONSENT, opensslVerify(signature.cms()));
        assertTrue(SigningCertificates.of(card.certificates(), TCKN, now).get(0).selectable());
    }

    @Test
    void aWithdrawalIsSignedTheSameWay() throws Exception {
        byte[] withdrawal = ConsentTexts.current(ConsentTexts.Kind.WITHDRAWAL).bytes();
        byte[] cms = ConsentSigner.sign(card, certificate, withdrawal, now).cms();
        verify(cms, withdrawal, TCKN, trust);
        assertArrayEquals(withdrawal, opensslVerify(cms));
    }

    @Test
    void tamperedTextWrongCitizenAndABrokenSignatureAreRefused() throws Exception {
        byte[] cms = ConsentSigner.sign(card, certificate, CONSENT, now).cms();
        byte[] other = "Kamu SM ... REDDEDİYORUM.".getBytes(StandardCharsets.UTF_8);
        assertEquals(Rejection.Code.EONAY_TEXT_MISMATCH, refusal(() -> verify(cms, other, TCKN, trust)));
        byte[] signedOther = ConsentSigner.sign(card, certificate, other, now).cms();
        assertEquals(Rejection.Code.EONAY_TEXT_MISMATCH, refusal(() -> verify(signedOther, CONSENT, TCKN, trust)));
        assertEquals(Rejection.Code.EONAY_WRONG_CITIZEN, refusal(() -> verify(cms, CONSENT, "23456789060", trust)));
        byte[] broken = cms.clone();
        broken[broken.length - 10] ^= 0x01; // inside the signature value, the last field of the SignerInfo
        assertEquals(Rejection.Code.EONAY_SIGNATURE_INVALID, refusal(() -> verify(broken, CONSENT, TCKN, trust)));
        assertEquals(Rejection.Code.EONAY_MALFORMED, refusal(() -> verify("not a CMS".getBytes(), CONSENT, TCKN, trust)));
        assertEquals(Rejection.Code.EONAY_SIGNING_TIME, refusal(() -> verify(
                ConsentSigner.sign(card, certificate, CONSENT, now.minus(Duration.ofHours(1))).cms(), CONSENT, TCKN, trust)));
    }

    @Test
    void expiredRevokedUntrustedAndWrongUsageCertificatesAreRefused() throws Exception {
        SoftwareKeyCard expired = software(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)), KeyUsage.nonRepudiation, 101);
        assertEquals(Rejection.Code.EONAY_CERTIFICATE_NOT_VALID, refusal(() -> verify(signWith(expired), CONSENT, TCKN, trust)));

        SoftwareKeyCard good = software(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(700)), KeyUsage.nonRepudiation, 102);
        verify(signWith(good), CONSENT, TCKN, trust);
        assertEquals(RevocationStatus.Source.CRL, verify(signWith(good), CONSENT, TCKN, trust).revocationSource());
        ConsentVerifier.Trust revoking = trustWithCrl(factory.crl(BigInteger.TWO, BigInteger.valueOf(102)));
        assertEquals(Rejection.Code.EONAY_CERTIFICATE_REVOKED, refusal(() -> verify(signWith(good), CONSENT, TCKN, revoking)));
        Instant day = Instant.now().minus(Duration.ofDays(1));
        ConsentVerifier.Trust holding = trustWithCrl(factory.pki().crl(BigInteger.valueOf(3), day, now.plus(Duration.ofDays(1)),
                CRLReason.certificateHold, BigInteger.valueOf(102)));
        assertEquals(Rejection.Code.EONAY_CERTIFICATE_ON_HOLD, refusal(() -> verify(signWith(good), CONSENT, TCKN, holding)));
        ConsentVerifier.Trust stale = trustWithCrl(factory.pki().crl(BigInteger.valueOf(4), day.minus(Duration.ofDays(2)), day,
                CRLReason.keyCompromise));
        assertEquals(Rejection.Code.EONAY_REVOCATION_UNAVAILABLE, refusal(() -> verify(signWith(good), CONSENT, TCKN, stale)));
        TestCardFactory otherCa = new TestCardFactory(7L);
        ConsentVerifier.Trust forged = trustWithCrl(otherCa.crl());
        assertEquals(Rejection.Code.EONAY_REVOCATION_UNAVAILABLE, refusal(() -> verify(signWith(good), CONSENT, TCKN, forged)),
                "another CA's CRL says nothing about this certificate");
        ConsentVerifier.Trust elsewhere = new ConsentVerifier.Trust(List.of(otherCa.testCaCertificate()), trust.qualifiedPolicies(),
                trust.revocation());
        assertEquals(Rejection.Code.EONAY_UNTRUSTED, refusal(() -> verify(signWith(good), CONSENT, TCKN, elsewhere)));

        SoftwareKeyCard unqualified = new SoftwareKeyCard();
        unqualified = unqualified.withCertificate(factory.pki().issue(unqualified.keys.getPublic(), AYSE, BigInteger.valueOf(105),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(700)), KeyUsage.nonRepudiation, false));
        byte[] unqualifiedSignature = signWith(unqualified);
        assertEquals(Rejection.Code.EONAY_NOT_QUALIFIED, refusal(() -> verify(unqualifiedSignature, CONSENT, TCKN, trust)),
                "no QcCompliance, no NES policy");
        ConsentVerifier.Trust otherPolicy = new ConsentVerifier.Trust(trust.anchors(), Set.of("2.16.792.1.61.0.1.5070.9.9"),
                trust.revocation());
        assertEquals(Rejection.Code.EONAY_NOT_QUALIFIED, refusal(() -> verify(signWith(good), CONSENT, TCKN, otherPolicy)),
                "qualified, but not under the configured policy");

        SoftwareKeyCard authentication = software(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(700)),
                KeyUsage.digitalSignature, 103);
        assertEquals(Rejection.Code.EONAY_KEY_USAGE, refusal(() -> verify(signWith(authentication), CONSENT, TCKN, trust)));
        List<SigningCertificates.Unusable> reasons = new ArrayList<>();
        for (SoftwareKeyCard soft : List.of(expired, authentication)) {
            reasons.add(SigningCertificates.of(soft.certificates(), TCKN, now).get(0).unusable().orElseThrow());
        }
        assertEquals(List.of(SigningCertificates.Unusable.EXPIRED, SigningCertificates.Unusable.NOT_NON_REPUDIATION), reasons);
    }

    @Test
    void aSignatureWithoutTheCadesAttributesIsRefused() throws Exception {
        SoftwareKeyCard soft = software(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(700)), KeyUsage.nonRepudiation, 104);
        // plain CMS as any library makes it: content-type and message-digest, no signing-certificate-v2
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(soft.keys.getPrivate()),
                        new JcaX509CertificateHolder(soft.cardCertificate().certificate())));
        generator.addCertificate(new JcaX509CertificateHolder(soft.cardCertificate().certificate()));
        byte[] plain = generator.generate(new CMSProcessableByteArray(CONSENT), true).getEncoded();
        assertEquals(Rejection.Code.EONAY_ATTRIBUTES_MISSING, refusal(() -> verify(plain, CONSENT, TCKN, trust)));
    }

    private SoftwareKeyCard software(Instant notBefore, Instant notAfter, int keyUsage, int serial) throws Exception {
        SoftwareKeyCard soft = new SoftwareKeyCard();
        X509Certificate issued = factory.issue(soft.keys.getPublic(), AYSE, BigInteger.valueOf(serial), notBefore, notAfter, keyUsage);
        return soft.withCertificate(issued);
    }

    private byte[] signWith(SoftwareKeyCard soft) throws Exception {
        return ConsentSigner.sign(soft, soft.cardCertificate(), CONSENT, now).cms();
    }

    /** The content as {@code openssl cms -verify} gives it back after checking the signature and the chain. */
    private byte[] opensslVerify(byte[] cms) throws Exception {
        Path signature = Files.write(files.resolve("consent-" + System.nanoTime() + ".p7s"), cms);
        Path content = files.resolve("content-" + System.nanoTime() + ".txt");
        Process openssl = new ProcessBuilder("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", signature.toString(),
                "-CAfile", files.resolve("ca.pem").toString(), "-out", content.toString())
                .redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, openssl.waitFor(), "openssl cms -verify: " + output);
        assertTrue(output.contains("Verification successful"), output);
        return Files.readAllBytes(content);
    }
}

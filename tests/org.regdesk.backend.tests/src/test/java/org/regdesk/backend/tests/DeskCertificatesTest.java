package org.regdesk.backend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regdesk.backend.client.internal.PinnedTrust;
import org.regdesk.server.desks.internal.DeskCommand;
import org.regdesk.server.desks.internal.DeskRevocationList;
import org.regdesk.server.desks.internal.EnrolledDesks;
import org.regdesk.server.desks.internal.EnrolmentCheck;
import org.regdesk.server.http.DeskCertificates;
import org.regdesk.server.keys.PrivateFiles;

/**
 * A desk is its certificate (issue #16 item 5), over the real server's mutual TLS: an unenrolled certificate is
 * refused even with a desk's CN, an enrolled one serves its desk, a withdrawn one and one on the desk CA's CRL are
 * refused, an out-of-date CRL lets nobody in; {@code regdesk-server desk enrol} issues a desk certificate from a CSR
 * with the desk CA's key and records it.
 */
class DeskCertificatesTest {

    @TempDir
    Path data;

    private TestBackend backend;
    private EnrolledDesks desks;
    private Path deskCa;
    private Path deskCaPassword;

    @BeforeEach
    void start() throws Exception {
        backend = new TestBackend(data, TestDatabase.H2);
        desks = new EnrolledDesks(backend.database, backend.clock);
        // the development desk CA the test server trusts; its key signs the CRLs and certificates below
        deskCa = data.resolve("tls/desk-ca.p12");
        deskCaPassword = data.resolve("desk-ca.password");
        PrivateFiles.write(deskCaPassword, Files.readString(data.resolve("tls/desk-ca.password")).strip());
    }

    @AfterEach
    void stop() throws Exception {
        backend.close();
    }

    @Test
    void onlyAnEnrolledCertificateServesItsDesk() throws Exception {
        backend.routes().deskCheck(new EnrolmentCheck(desks, Optional.empty(), true, backend.clock), true);

        assertEquals("403 DESK_NOT_ENROLLED", signIn(backend.deskTls("DESK-001")));
        desks.enrol("DESK-001", deskCertificate("DESK-001"), "-");
        assertEquals("200 ", signIn(backend.deskTls("DESK-001")));

        // the same CN from the same desk CA, but a certificate nobody enrolled
        Path other = issueFromCsr("DESK-001");
        assertEquals("403 DESK_NOT_ENROLLED", signIn(tls(other)));

        desks.revoke(DeskCertificates.fingerprint(deskCertificate("DESK-001")));
        backend.clock.advance(EnrolmentCheck.REMEMBERED.plusSeconds(1));
        assertEquals("403 DESK_CERTIFICATE_REVOKED", signIn(backend.deskTls("DESK-001")));
    }

    @Test
    void theDeskCaCrlRevokesAndAnOutdatedOneLetsNobodyIn() throws Exception {
        Path crl = data.resolve("desk-ca.crl");
        X509Certificate revoked = deskCertificate("DESK-002");
        writeCrl(crl, Instant.now().plus(Duration.ofDays(1)), revoked.getSerialNumber());
        backend.routes().deskCheck(new EnrolmentCheck(desks, Optional.of(new DeskRevocationList(crl, List.of(caCertificate()))),
                false, backend.clock), false);

        assertEquals("403 DESK_CERTIFICATE_REVOKED", signIn(backend.deskTls("DESK-002")));
        assertEquals("200 ", signIn(backend.deskTls("DESK-001")), "a development desk not on the CRL passes by its CN");

        writeCrl(crl, Instant.now().minus(Duration.ofMinutes(1)));
        assertEquals("503 DESK_CRL_OUTDATED", signIn(backend.deskTls("DESK-001")));

        Files.writeString(crl, "not a CRL");
        Files.setLastModifiedTime(crl, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals("503 DESK_CRL_UNAVAILABLE", signIn(backend.deskTls("DESK-001")));
    }

    @Test
    void theDeskCommandIssuesFromACsrAndRecordsTheCertificate() throws Exception {
        Path etc = Files.createDirectories(data.resolve("etc"));
        Path tool = Files.createDirectories(data.resolve("tool-data"));
        Files.writeString(etc.resolve("org.regdesk.server.store.cfg"), "data.directory = " + tool + "\n");
        KeyPair pair = rsa();
        Path csr = data.resolve("DESK-009.csr");
        pem(csr, new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=whatever"), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        Path out = data.resolve("DESK-009.pem");

        assertEquals(0, DeskCommand.run(etc, List.of("enrol", "DESK-009", csr.toString(), "--issue-with", deskCa.toString(),
                "--ca-password-file", deskCaPassword.toString(), "--days", "30", "--out", out.toString())));

        X509Certificate issued = read(out);
        assertEquals(Optional.of("DESK-009"), DeskCertificates.commonName(issued));
        assertEquals(caCertificate().getSubjectX500Principal(), issued.getIssuerX500Principal());
        issued.verify(caCertificate().getPublicKey());
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), issued.getExtendedKeyUsage(), "client authentication only");
        assertEquals(pair.getPublic(), issued.getPublicKey());

        // registering a certificate (PEM), not for a second desk; withdrawing it
        assertEquals(0, DeskCommand.run(etc, List.of("enrol", "DESK-009", out.toString())), "enrolling again changes nothing");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> DeskCommand.run(etc, List.of("enrol", "DESK-010", out.toString())));
        assertTrue(twice.getMessage().contains("already enrolled for desk DESK-009"), twice.getMessage());
        String fingerprint = DeskCertificates.fingerprint(issued);
        assertEquals(0, DeskCommand.run(etc, List.of("revoke", fingerprint)));
        assertThrows(IllegalArgumentException.class, () -> DeskCommand.run(etc, List.of("revoke", fingerprint)));
        assertEquals(2, DeskCommand.run(etc, List.of("forget")));
    }

    /** POST /operators/sign-in as the demo operator: "status CODE" (CODE empty on success). */
    private String signIn(SSLContext tls) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(backend.base + "api/v1/operators/sign-in"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"operator1\",\"password\":\"regdesk-demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"").matcher(response.body());
        return response.statusCode() + " " + (response.statusCode() == 200 ? "" : code.find() ? code.group(1) : response.body());
    }

    private X509Certificate deskCertificate(String desk) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(data.resolve("desks/" + desk + ".p12"))) {
            store.load(in, Files.readString(data.resolve("desks/" + desk + ".password")).strip().toCharArray());
        }
        return (X509Certificate) store.getCertificate(desk);
    }

    private X509Certificate caCertificate() throws Exception {
        return (X509Certificate) caStore().getCertificate("regdesk-desk-ca");
    }

    private KeyStore caStore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(deskCa)) {
            store.load(in, Files.readString(deskCaPassword).strip().toCharArray());
        }
        return store;
    }

    /** A certificate for {@code desk} issued through the desk command's CSR path, in a PKCS#12 with its key. */
    private Path issueFromCsr(String desk) throws Exception {
        KeyPair pair = rsa();
        Path csr = data.resolve(desk + "-other.csr");
        pem(csr, new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + desk), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        X509Certificate certificate = DeskCommand.issue(desk, csr, deskCa, Files.readString(deskCaPassword).strip().toCharArray(),
                Duration.ofDays(1));
        Path keystore = data.resolve(desk + "-other.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(desk, pair.getPrivate(), "pw".toCharArray(), new X509Certificate[] { certificate, caCertificate() });
        try (var out = Files.newOutputStream(keystore)) {
            store.store(out, "pw".toCharArray());
        }
        Files.writeString(data.resolve(desk + "-other.password"), "pw");
        return keystore;
    }

    private SSLContext tls(Path keystore) throws Exception {
        return PinnedTrust.sslContext(backend.serverCertificate(), keystore,
                keystore.resolveSibling(keystore.getFileName().toString().replace(".p12", ".password")));
    }

    private void writeCrl(Path file, Instant nextUpdate, BigInteger... revoked) throws Exception {
        X509Certificate ca = caCertificate();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(new JcaX509CertificateHolder(ca).getSubject(),
                Date.from(nextUpdate.minus(Duration.ofDays(2))));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (BigInteger serial : revoked) {
            builder.addCRLEntry(serial, new Date(), CRLReason.keyCompromise);
        }
        PrivateKey key = (PrivateKey) caStore().getKey("regdesk-desk-ca", Files.readString(deskCaPassword).strip().toCharArray());
        String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        pem(file, new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder(algorithm).build(key))));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(revoked.length == 0 ? 2 : 1)));
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static void pem(Path file, Object object) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        Files.writeString(file, text.toString());
    }

    private static X509Certificate read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}

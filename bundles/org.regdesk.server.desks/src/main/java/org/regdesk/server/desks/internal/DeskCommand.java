package org.regdesk.server.desks.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.regdesk.server.settings.ConfigurationFile;
import org.regdesk.server.settings.Keystores;
import org.regdesk.server.settings.SecretFiles;
import org.regdesk.server.settings.SettingRefusedException;
import org.regdesk.server.store.Database;
import org.regdesk.server.store.DatabaseOwner;
import org.regdesk.server.store.DatabaseSettings;

/**
 * {@code regdesk-server desk ...}: enrols a desk certificate (one the desk CA issued, or one issued here from the
 * desk's CSR with the desk CA's key), withdraws one, lists them. Opens the registry database the server's
 * {@code etc/org.regdesk.server.store.cfg} names.
 */
public final class DeskCommand {

    private static final String USAGE = """
            regdesk-server desk enrol DESK-ID desk.pem [--location TEXT]
                register a certificate the desk CA issued (PEM) as DESK-ID's
            regdesk-server desk enrol DESK-ID desk.csr --issue-with deskca.p12 --ca-password-file FILE [--days 730] [--out desk.pem]
                issue the desk's certificate from its CSR with the desk CA's key, write it, and register it
            regdesk-server desk revoke FINGERPRINT
                withdraw a certificate (refused on every node within 10 s)
            regdesk-server desk list
            """;

    private DeskCommand() {
    }

    public static void main(String[] arguments) {
        try {
            System.exit(run(Path.of(arguments[0]), List.of(arguments).subList(1, arguments.length)));
        } catch (IllegalArgumentException | SettingRefusedException e) {
            System.err.println("regdesk-server desk: " + e.getMessage());
            System.exit(2);
        } catch (IOException | GeneralSecurityException e) {
            System.err.println("regdesk-server desk: " + e.getMessage());
            System.exit(1);
        }
    }

    public static int run(Path etc, List<String> arguments) throws IOException, GeneralSecurityException {
        if (arguments.isEmpty() || !List.of("enrol", "revoke", "list").contains(arguments.get(0))) {
            System.err.print(USAGE);
            return 2;
        }
        ConfigurationFile store = ConfigurationFile.read(etc, "org.regdesk.server.store", System::getProperty);
        try (Database database = Database.open(databaseSettings(store),
                // the desks table's migration runs as the schema's owner when the server has one
                DatabaseOwner.of(store.get("database.owner.user"), store.get("database.owner.password.file")))) {
            EnrolledDesks desks = new EnrolledDesks(database, Clock.systemUTC());
            switch (arguments.get(0)) {
            case "enrol" -> enrol(desks, arguments.subList(1, arguments.size()));
            case "revoke" -> {
                require(arguments.size() == 2, "revoke needs the certificate's SHA-256 fingerprint");
                require(desks.revoke(arguments.get(1)), "no enrolled, unrevoked certificate has fingerprint " + arguments.get(1));
                System.out.println("Withdrawn: " + arguments.get(1));
            }
            default -> desks.all().forEach(enrolment -> System.out.println(enrolment.deskId() + "  " + enrolment.fingerprint()
                    + "  serial " + enrolment.serial() + "  until " + enrolment.notAfter()
                    + enrolment.revokedAt().map(at -> "  WITHDRAWN " + at).orElse("")));
            }
        }
        return 0;
    }

    private static void enrol(EnrolledDesks desks, List<String> arguments) throws IOException, GeneralSecurityException {
        require(arguments.size() >= 2, "enrol needs DESK-ID and a certificate (PEM) or CSR\n" + USAGE);
        String deskId = arguments.get(0);
        Path input = Path.of(arguments.get(1));
        String location = option(arguments, "--location", "-");
        X509Certificate certificate;
        if (arguments.contains("--issue-with")) {
            Path keystore = Path.of(option(arguments, "--issue-with", null));
            char[] password = SecretFiles.read("--ca-password-file", Path.of(option(arguments, "--ca-password-file", "")));
            certificate = issue(deskId, input, keystore, password, Duration.ofDays(Long.parseLong(option(arguments, "--days", "730"))));
            String pem = pem(certificate);
            String out = option(arguments, "--out", "");
            if (out.isEmpty()) {
                System.out.print(pem);
            } else {
                Files.writeString(Path.of(out), pem);
            }
        } else {
            try (InputStream in = Files.newInputStream(input)) {
                certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
        }
        EnrolledDesks.Enrolment enrolment = desks.enrol(deskId, certificate, location);
        System.out.println("Enrolled for " + enrolment.deskId() + ": " + enrolment.fingerprint() + " (serial " + enrolment.serial()
                + ", issuer " + enrolment.issuer() + ", until " + enrolment.notAfter() + ")");
    }

    /** The desk's certificate from its CSR: CN = desk id, client authentication only, signed by the desk CA's key. */
    public static X509Certificate issue(String deskId, Path csrFile, Path caKeystore, char[] password, Duration validity)
            throws IOException, GeneralSecurityException {
        PKCS10CertificationRequest request;
        try (Reader in = Files.newBufferedReader(csrFile); PEMParser parser = new PEMParser(in)) {
            if (!(parser.readObject() instanceof PKCS10CertificationRequest csr)) {
                throw new IllegalArgumentException(csrFile + " holds no certificate request (PEM)");
            }
            request = csr;
        }
        KeyStore store = Keystores.pkcs12(caKeystore, password);
        String alias = Keystores.firstKeyAlias(store).orElseThrow(() -> new GeneralSecurityException(caKeystore + " has no desk CA key"));
        PrivateKey caKey = (PrivateKey) store.getKey(alias, password);
        X509Certificate ca = (X509Certificate) store.getCertificate(alias);
        try {
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(request.getSubjectPublicKeyInfo()))) {
                throw new IllegalArgumentException(csrFile + ": the request's signature does not match its key");
            }
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, new BigInteger(128, new SecureRandom()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)),
                    new X500Name("CN=" + deskId + ",OU=Desks"), new JcaPKCS10CertificationRequest(request).getPublicKey());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            String algorithm = "EC".equals(caKey.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(caKey)));
        } catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.pkcs.PKCSException e) {
            throw new GeneralSecurityException("cannot issue the desk certificate: " + e.getMessage(), e);
        }
    }

    private static DatabaseSettings databaseSettings(ConfigurationFile store) {
        String url = store.get("database.url");
        if (url.isEmpty()) {
            return DatabaseSettings.embedded(Path.of(store.getOr("data.directory", "data")).toAbsolutePath());
        }
        return new DatabaseSettings(url, store.getOr("database.user", "regdesk"),
                SecretFiles.readIfSet("database.password.file", store.get("database.password.file")).orElse(new char[0]), 2);
    }

    private static String option(List<String> arguments, String name, String fallback) {
        int at = arguments.indexOf(name);
        if (at < 0 || at + 1 >= arguments.size()) {
            require(fallback != null, name + " needs a value");
            return fallback;
        }
        return arguments.get(at + 1);
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    private static String pem(X509Certificate certificate) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        }
        return text.toString();
    }
}

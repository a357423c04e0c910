package org.regdesk.server.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-signed certificate a development or demo server uses when no keystore is configured.
 * It is created once and kept in {@code <data>/tls}, so workstations that pinned its PEM file keep
 * trusting the server across restarts; it is renewed only when it nears its end.
 */
public final class DevelopmentCertificate {

    static final String KEYSTORE_FILE = "server.p12";
    static final String PASSWORD_FILE = "keystore.password";
    static final String CERTIFICATE_FILE = "server.crt";
    static final String ALIAS = "regdesk-server";
    static final Duration VALIDITY = Duration.ofDays(825);
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentCertificate.class);

    /** Where the generated material lives. The password never leaves the file it is stored in. */
    public record Material(Path keystore, Path passwordFile, Path certificatePem, X509Certificate certificate) {
        char[] readPassword() throws IOException {
            return Files.readString(passwordFile, StandardCharsets.US_ASCII).trim().toCharArray();
        }
    }

    private final Path directory;
    private final Clock clock;

    public DevelopmentCertificate(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** Returns the existing certificate if it is still good for a while, otherwise creates a new one. */
    public Material ensure() throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        Material existing = loadIfUsable();
        if (existing != null) {
            return existing;
        }
        return create();
    }

    private Material loadIfUsable() {
        Path keystore = directory.resolve(KEYSTORE_FILE);
        Path passwordFile = directory.resolve(PASSWORD_FILE);
        Path pem = directory.resolve(CERTIFICATE_FILE);
        if (!Files.isRegularFile(keystore) || !Files.isRegularFile(passwordFile) || !Files.isRegularFile(pem)) {
            return null;
        }
        try {
            Material material = new Material(keystore, passwordFile, pem, null);
            KeyStore store = KeyStore.getInstance("PKCS12");
            char[] password = material.readPassword();
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, password);
            } finally {
                Arrays.fill(password, '\0');
            }
            X509Certificate certificate = (X509Certificate) store.getCertificate(ALIAS);
            if (certificate == null) {
                LOG.warn("Development keystore {} has no '{}' entry; creating a new certificate", keystore, ALIAS);
                return null;
            }
            Instant renewAt = certificate.getNotAfter().toInstant().minus(RENEW_BEFORE);
            if (clock.instant().isAfter(renewAt)) {
                LOG.info("Development certificate expires {}; creating a new one (workstations must pin the new {})",
                        certificate.getNotAfter().toInstant(), pem);
                return null;
            }
            return new Material(keystore, passwordFile, pem, certificate);
        } catch (IOException | GeneralSecurityException e) {
            LOG.warn("Development keystore {} cannot be read ({}); creating a new certificate", keystore, e.toString());
            return null;
        }
    }

    private Material create() throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair keyPair = generator.generateKeyPair();
        X509Certificate certificate = selfSign(keyPair);

        Path keystore = directory.resolve(KEYSTORE_FILE);
        Path passwordFile = directory.resolve(PASSWORD_FILE);
        Path pem = directory.resolve(CERTIFICATE_FILE);
        writeKeystore(keystore, passwordFile, ALIAS, keyPair.getPrivate(), new X509Certificate[] { certificate });
        writePem(pem, certificate);
        LOG.info("Created development TLS certificate {} valid until {}; clients pin {}",
                certificate.getSubjectX500Principal().getName(), certificate.getNotAfter().toInstant(), pem);
        return new Material(keystore, passwordFile, pem, certificate);
    }

    private X509Certificate selfSign(KeyPair keyPair) throws GeneralSecurityException {
        Instant now = clock.instant();
        X500Name subject = new X500Name("CN=RegDesk development server,O=RegDesk");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(127, new SecureRandom()).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, keyPair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(subjectAlternativeNames()));
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate())));
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot build the development certificate", e);
        }
    }

    /** Loopback names always; the machine's own name so other desks on a LAN can reach a demo server. */
    private static GeneralName[] subjectAlternativeNames() {
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        names.add(new GeneralName(GeneralName.iPAddress, "::1"));
        try {
            String hostName = InetAddress.getLocalHost().getHostName();
            if (!hostName.isBlank() && !"localhost".equals(hostName) && hostName.matches("[A-Za-z0-9.-]+")) {
                names.add(new GeneralName(GeneralName.dNSName, hostName));
            }
        } catch (UnknownHostException e) {
            LOG.debug("Host name unknown; the development certificate names loopback only", e);
        }
        return names.toArray(GeneralName[]::new);
    }

    /** A PKCS#12 file with one key entry, its random password in a file only the owner can read. */
    static void writeKeystore(Path keystore, Path passwordFile, String alias, java.security.PrivateKey key,
            X509Certificate[] chain) throws IOException, GeneralSecurityException {
        char[] password = randomPassword();
        try {
            writePrivate(passwordFile, new String(password).getBytes(StandardCharsets.US_ASCII));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain);
            Path temporary = Files.createTempFile(keystore.getParent(), keystore.getFileName().toString(), ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, password);
            }
            Files.move(temporary, keystore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    static void writePem(Path file, X509Certificate certificate) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
                JcaPEMWriter pemWriter = new JcaPEMWriter(writer)) {
            pemWriter.writeObject(certificate);
        }
    }

    /** Loads a keystore written by {@link #writeKeystore}; null if it is missing or unreadable. */
    static KeyStore readKeystore(Path keystore, Path passwordFile) {
        if (!Files.isRegularFile(keystore) || !Files.isRegularFile(passwordFile)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(keystore)) {
            char[] password = Files.readString(passwordFile, StandardCharsets.US_ASCII).trim().toCharArray();
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, password);
                return store;
            } finally {
                Arrays.fill(password, '\0');
            }
        } catch (IOException | GeneralSecurityException e) {
            LOG.warn("Keystore {} cannot be read ({}); it will be created again", keystore, e.toString());
            return null;
        }
    }

    private static char[] randomPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
    }

    private static void writePrivate(Path file, byte[] content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.write(file, content);
        Arrays.fill(content, (byte) 0);
    }
}

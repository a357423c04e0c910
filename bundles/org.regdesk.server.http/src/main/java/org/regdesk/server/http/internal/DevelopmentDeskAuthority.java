package org.regdesk.server.http.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk certificate authority of a development or demo server: a CA key in {@code <data>/tls} and one
 * client certificate per configured desk in {@code <data>/desks/<id>.p12}, which a workstation uses for
 * mutual TLS. A production server trusts the CA's own desk CA ({@code tls.client.ca.path}) instead.
 */
public final class DevelopmentDeskAuthority {

    static final String CA_KEYSTORE = "desk-ca.p12";
    static final String CA_PASSWORD = "desk-ca.password";
    static final String CA_CERTIFICATE = "desk-ca.crt";
    static final String CA_ALIAS = "regdesk-desk-ca";
    static final Duration VALIDITY = Duration.ofDays(825);

    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentDeskAuthority.class);

    private final Path tlsDirectory;
    private final Path desksDirectory;
    private final Clock clock;
    private X509Certificate caCertificate;
    private PrivateKey caKey;

    public DevelopmentDeskAuthority(Path dataDirectory, Clock clock) {
        this.tlsDirectory = dataDirectory.resolve("tls");
        this.desksDirectory = dataDirectory.resolve("desks");
        this.clock = clock;
    }

    /** Loads or creates the CA; returns its certificate, which the server trusts for desks. */
    public synchronized X509Certificate ensureCa() throws IOException, GeneralSecurityException {
        Files.createDirectories(tlsDirectory);
        KeyStore store = DevelopmentCertificate.readKeystore(tlsDirectory.resolve(CA_KEYSTORE), tlsDirectory.resolve(CA_PASSWORD));
        if (store != null && store.getCertificate(CA_ALIAS) instanceof X509Certificate existing
                && existing.getNotAfter().toInstant().isAfter(clock.instant().plus(DevelopmentCertificate.RENEW_BEFORE))) {
            char[] password = Files.readString(tlsDirectory.resolve(CA_PASSWORD)).trim().toCharArray();
            caKey = (PrivateKey) store.getKey(CA_ALIAS, password);
            caCertificate = existing;
            return existing;
        }
        KeyPair pair = newKeyPair();
        X500Name name = new X500Name("CN=RegDesk development desk CA,O=RegDesk");
        X509Certificate certificate = sign(name, pair.getPublic(), name, pair.getPrivate(), true);
        DevelopmentCertificate.writeKeystore(tlsDirectory.resolve(CA_KEYSTORE), tlsDirectory.resolve(CA_PASSWORD), CA_ALIAS,
                pair.getPrivate(), new X509Certificate[] { certificate });
        DevelopmentCertificate.writePem(tlsDirectory.resolve(CA_CERTIFICATE), certificate);
        LOG.info("Created development desk CA {}", tlsDirectory.resolve(CA_CERTIFICATE));
        caKey = pair.getPrivate();
        caCertificate = certificate;
        return certificate;
    }

    /**
     * Makes sure {@code <data>/desks/<deskId>.p12} holds a certificate for the desk from the current CA;
     * its password is in {@code <deskId>.password} beside it.
     */
    public synchronized Path ensureDesk(String deskId) throws IOException, GeneralSecurityException {
        if (!deskId.matches("[A-Za-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("A desk id is 1-32 letters, digits or '-': " + deskId);
        }
        if (caCertificate == null) {
            ensureCa();
        }
        Files.createDirectories(desksDirectory);
        Path keystore = desksDirectory.resolve(deskId + ".p12");
        Path passwordFile = desksDirectory.resolve(deskId + ".password");
        KeyStore existing = DevelopmentCertificate.readKeystore(keystore, passwordFile);
        if (existing != null && existing.getCertificateChain(deskId) instanceof java.security.cert.Certificate[] chain
                && chain.length == 2 && chain[1].equals(caCertificate)) {
            return keystore;
        }
        KeyPair pair = newKeyPair();
        X509Certificate certificate = sign(new X500Name("CN=" + deskId + ",OU=Desks,O=RegDesk"), pair.getPublic(),
                X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()), caKey, false);
        DevelopmentCertificate.writeKeystore(keystore, passwordFile, deskId, pair.getPrivate(),
                new X509Certificate[] { certificate, caCertificate });
        LOG.info("Issued development desk certificate {}", keystore);
        return keystore;
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    private X509Certificate sign(X500Name subject, java.security.PublicKey key, X500Name issuer, PrivateKey issuerKey,
            boolean ca) throws GeneralSecurityException {
        Instant now = clock.instant();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                new BigInteger(127, new SecureRandom()).add(BigInteger.ONE), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)), subject, key);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot build a development desk certificate", e);
        }
    }
}

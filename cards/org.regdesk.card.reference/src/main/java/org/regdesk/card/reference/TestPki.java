package org.regdesk.card.reference;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.qualified.QCStatement;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A test PKI shaped like a qualified CA's (RFC 5280, ETSI EN 319 412-2): the CA certificate has
 * keyUsage keyCertSign + cRLSign and a subject key identifier; end-entity certificates carry the
 * authority key identifier, a CRL distribution point and AIA (OCSP, caIssuers) at the registry, the
 * NES certificate policy, the QC statements (QcCompliance, QcSSCD, QcType esign) and the TCKN as the
 * subject's serialNumber. The CA key follows from a seed, so a demo server and a demo card made apart
 * agree; end-entity serial numbers are random (RFC 5280 4.1.2.2, CA/B-style 64+ bits of entropy).
 */
public final class TestPki {

    /** The BTK's qualified electronic certificate (NES) usage profile, as Turkish qualified CAs cite it. */
    public static final String NES_POLICY = "2.16.792.1.61.0.1.5070.1.1";
    /** ETSI EN 319 411-2 QCP-n-qscd: qualified certificate for a natural person, key in a QSCD. */
    public static final String QCP_N_QSCD = "0.4.0.194112.1.2";

    /** ETSI EN 319 412-5 statement identifiers. */
    public static final ASN1ObjectIdentifier QC_COMPLIANCE = new ASN1ObjectIdentifier("0.4.0.1862.1.1");
    public static final ASN1ObjectIdentifier QC_SSCD = new ASN1ObjectIdentifier("0.4.0.1862.1.4");
    public static final ASN1ObjectIdentifier QC_TYPE = new ASN1ObjectIdentifier("0.4.0.1862.1.6");
    public static final ASN1ObjectIdentifier QC_TYPE_ESIGN = new ASN1ObjectIdentifier("0.4.0.1862.1.6.1");

    /** Key types a card may hold. */
    public enum KeyType {
        RSA_2048, EC_P256;

        public KeyPair generate(SecureRandom random) throws GeneralSecurityException {
            if (this == RSA_2048) {
                KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(2048, random);
                return rsa.generateKeyPair();
            }
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"), random);
            return ec.generateKeyPair();
        }

        static String signatureAlgorithm(PrivateKey key) {
            return "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        }
    }

    /**
     * Where relying parties find revocation data: {@code base} is the registry's address as desks and
     * relying parties reach it; {@code caId} names the CA in {@code /crl/<caId>.crl}.
     */
    public record Endpoints(String base, String caId) {
        public static final Endpoints DEMO = new Endpoints("https://localhost:8443", "regdesk-test-ca");

        public Endpoints {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(caId, "caId");
            base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        }

        public String crl() {
            return base + "/crl/" + caId + ".crl";
        }

        public String ocsp() {
            return base + "/ocsp";
        }

        public String caIssuers() {
            return base + "/ca/" + caId + ".crt";
        }
    }

    /** The test CA's name; unchanged from the first test CA, so existing trust stores still match. */
    public static final X500Name CA_NAME = new X500Name("CN=RegDesk Test CA,O=RegDesk,C=TR");
    private static final Instant CA_NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant CA_NOT_AFTER = Instant.parse("2041-01-01T00:00:00Z");

    private final KeyPair ca;
    private final Endpoints endpoints;
    private final String policy;
    private final SecureRandom serials = new SecureRandom();
    private X509Certificate caCertificate;

    public TestPki(long seed, Endpoints endpoints, String policy) throws GeneralSecurityException {
        this(seeded(seed), endpoints, policy);
    }

    TestPki(SecureRandom seeded, Endpoints endpoints, String policy) throws GeneralSecurityException {
        this.ca = KeyType.RSA_2048.generate(seeded);
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    static SecureRandom seeded(long seed) throws GeneralSecurityException {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        return random;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public PrivateKey caKey() {
        return ca.getPrivate();
    }

    /** The self-signed CA certificate; the same bytes every time for the same seed (RSA PKCS#1 v1.5). */
    public synchronized X509Certificate caCertificate() throws GeneralSecurityException {
        if (caCertificate == null) {
            try {
                JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
                var builder = new JcaX509v3CertificateBuilder(CA_NAME, BigInteger.ONE, Date.from(CA_NOT_BEFORE),
                        Date.from(CA_NOT_AFTER), CA_NAME, ca.getPublic());
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(ca.getPublic()));
                caCertificate = sign(builder);
            } catch (IOException e) {
                throw new GeneralSecurityException("Cannot build the test CA certificate", e);
            }
        }
        return caCertificate;
    }

    /**
     * A qualified signature certificate for a key held on a card.
     *
     * @param keyUsage bits of {@link KeyUsage}; {@code nonRepudiation} for the qualified signature key
     * @param qualified false leaves out the QC statements and the NES policy (what a qualified check must refuse)
     */
    public X509Certificate issue(PublicKey publicKey, TestCardFactory.Holder holder, BigInteger serial, Instant notBefore,
            Instant notAfter, int keyUsage, boolean qualified) throws GeneralSecurityException {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "TR")
                .addRDN(BCStyle.SERIALNUMBER, holder.nationalId()).addRDN(BCStyle.CN, holder.name()).build();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            var builder = new JcaX509v3CertificateBuilder(CA_NAME, serial, Date.from(notBefore),
                    Date.from(notAfter), subject, publicKey);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(caCertificate()));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(uri(endpoints.crl()))), null, null) }));
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                    new AccessDescription(AccessDescription.id_ad_ocsp, uri(endpoints.ocsp())),
                    new AccessDescription(AccessDescription.id_ad_caIssuers, uri(endpoints.caIssuers())) }));
            if (qualified) {
                builder.addExtension(Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation[] {
                        new PolicyInformation(new ASN1ObjectIdentifier(policy)),
                        new PolicyInformation(new ASN1ObjectIdentifier(QCP_N_QSCD)) }));
                ASN1EncodableVector statements = new ASN1EncodableVector();
                statements.add(new QCStatement(QC_COMPLIANCE));
                statements.add(new QCStatement(QC_SSCD));
                statements.add(new QCStatement(QC_TYPE, new DERSequence(QC_TYPE_ESIGN)));
                builder.addExtension(Extension.qCStatements, false, new DERSequence(statements));
            }
            return sign(builder);
        } catch (IOException e) {
            throw new GeneralSecurityException("Cannot issue the test certificate", e);
        }
    }

    /** A positive 72-bit serial number with its top bit set, so every one has the same length. */
    public BigInteger randomSerial() {
        return new BigInteger(72, serials).setBit(71);
    }

    /** A full CRL of the test CA with a CRL number and the authority key identifier, valid for 30 days. */
    public X509CRL crl(BigInteger crlNumber, BigInteger... revoked) throws GeneralSecurityException {
        Instant now = Instant.now();
        return crl(crlNumber, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), CRLReason.keyCompromise, revoked);
    }

    /**
     * A CRL with chosen times (a stale one: nextUpdate in the past) whose entries all carry one RFC 5280
     * reason code ({@link CRLReason#certificateHold} for suspended certificates).
     */
    public X509CRL crl(BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate, int reason, BigInteger... revoked)
            throws GeneralSecurityException {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(CA_NAME, Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (BigInteger serial : revoked) {
            builder.addCRLEntry(serial, Date.from(thisUpdate), reason);
        }
        try {
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(crlNumber));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCertificate()));
            return new JcaX509CRLConverter().getCRL(builder.build(
                    new JcaContentSignerBuilder(KeyType.signatureAlgorithm(ca.getPrivate())).build(ca.getPrivate())));
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot sign the test CRL", e);
        }
    }

    /** The CA key and certificate as a PKCS#12 file, the reference CA's signing key for tests and the demo. */
    public void writeCaKeystore(Path file, char[] password) throws GeneralSecurityException, IOException {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        keystore.load(null, null);
        keystore.setKeyEntry("ca", ca.getPrivate(), password, new Certificate[] { caCertificate() });
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            keystore.store(out, password);
        }
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(KeyType.signatureAlgorithm(ca.getPrivate()))
                            .build(ca.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot sign with the test CA key", e);
        }
    }

    private static GeneralName uri(String address) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, address);
    }
}

package org.regdesk.server.eonay;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.qualified.QCStatement;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;
import org.regdesk.server.revocation.RevocationChecker;
import org.regdesk.server.revocation.RevocationStatus;

/**
 * Checks an E-Onay signature before the registry records it: a CMS SignedData per CAdES baseline B-B
 * (ETSI EN 319 122-1) with the text attached, exactly one signer, SHA-256, the four signed attributes,
 * a valid signature, a qualified (QcCompliance and one of the configured certificate policies)
 * non-repudiation certificate of this citizen that chains to a configured anchor and was valid at the
 * signing time, a signing time inside the session, and, asked last because it goes to the network, the
 * CA's word that the certificate is neither revoked nor on hold now (OCSP, else CRL; fail closed).
 * Each failure is its own {@link Rejection.Code}. Replays are the caller's check: it keeps
 * {@link Verified#signatureSha256()} unique.
 */
public final class ConsentVerifier {

    /** What was proven, for the record. */
    public record Verified(X509Certificate signer, Instant signingTime, String signatureSha256,
            RevocationStatus.Source revocationSource) {
    }

    /**
     * The configured trust: anchors (the issuing CAs), the certificate policy OIDs of a qualified
     * signature certificate (one must be present), and where revocation status comes from.
     */
    public record Trust(List<X509Certificate> anchors, Set<String> qualifiedPolicies, RevocationChecker revocation) {
        public Trust {
            anchors = List.copyOf(anchors);
            qualifiedPolicies = Set.copyOf(qualifiedPolicies);
        }
    }

    /** ETSI EN 319 412-5 QcCompliance: the CA states the certificate is qualified. */
    private static final ASN1ObjectIdentifier QC_COMPLIANCE = new ASN1ObjectIdentifier("0.4.0.1862.1.1");

    private static final int NON_REPUDIATION = 1;

    private ConsentVerifier() {
    }

    /**
     * @param windowStart the session's start: a signature made before it belongs to something else
     * @param windowEnd now (plus the allowed clock skew of the desk)
     */
    public static Verified verify(byte[] cms, byte[] expectedContent, String tckn, Instant windowStart, Instant windowEnd,
            Trust trust) throws Rejection {
        CMSSignedData signed = parse(cms);
        Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new Rejection(Rejection.Code.EONAY_NOT_ONE_SIGNER);
        }
        SignerInformation signer = signers.iterator().next();
        if (!(signed.getSignedContent() != null && signed.getSignedContent().getContent() instanceof byte[] content
                && MessageDigest.isEqual(content, expectedContent))) {
            throw new Rejection(Rejection.Code.EONAY_TEXT_MISMATCH);
        }
        if (!NISTObjectIdentifiers.id_sha256.equals(signer.getDigestAlgorithmID().getAlgorithm())) {
            throw new Rejection(Rejection.Code.EONAY_DIGEST_ALGORITHM);
        }
        AttributeTable attributes = signer.getSignedAttributes();
        if (attributes == null || attribute(attributes, CMSAttributes.contentType) == null
                || attribute(attributes, CMSAttributes.messageDigest) == null
                || attribute(attributes, CMSAttributes.signingTime) == null
                || attribute(attributes, PKCSObjectIdentifiers.id_aa_signingCertificateV2) == null) {
            throw new Rejection(Rejection.Code.EONAY_ATTRIBUTES_MISSING);
        }
        Instant signingTime = Time.getInstance(attribute(attributes, CMSAttributes.signingTime).getAttrValues().getObjectAt(0))
                .getDate().toInstant();
        X509CertificateHolder holder = signerCertificate(signed, signer);
        X509Certificate certificate = certificate(holder);
        requireSigningCertificateV2(attribute(attributes, PKCSObjectIdentifiers.id_aa_signingCertificateV2), holder);
        if (!holder.isValidOn(java.util.Date.from(signingTime))) {
            throw new Rejection(Rejection.Code.EONAY_CERTIFICATE_NOT_VALID);
        }
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))) {
                throw new Rejection(Rejection.Code.EONAY_SIGNATURE_INVALID);
            }
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | IllegalArgumentException e) {
            throw new Rejection(Rejection.Code.EONAY_SIGNATURE_INVALID, e);
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage == null || !keyUsage[NON_REPUDIATION]) {
            throw new Rejection(Rejection.Code.EONAY_KEY_USAGE);
        }
        X509Certificate issuer = validateChain(certificate, signingTime, trust);
        requireQualified(holder, trust.qualifiedPolicies());
        if (!tckn.equals(subjectSerialNumber(holder.getSubject()))) {
            throw new Rejection(Rejection.Code.EONAY_WRONG_CITIZEN);
        }
        if (signingTime.isBefore(windowStart) || signingTime.isAfter(windowEnd)) {
            throw new Rejection(Rejection.Code.EONAY_SIGNING_TIME);
        }
        RevocationStatus status = trust.revocation().check(certificate, issuer);
        switch (status.state()) {
            case GOOD -> {
                return new Verified(certificate, signingTime, sha256Hex(signer.getSignature()), status.source());
            }
            case ON_HOLD -> throw new Rejection(Rejection.Code.EONAY_CERTIFICATE_ON_HOLD, status.detail());
            case REVOKED -> throw new Rejection(Rejection.Code.EONAY_CERTIFICATE_REVOKED, status.detail());
            case UNKNOWN -> throw new Rejection(Rejection.Code.EONAY_REVOCATION_UNKNOWN, status.detail());
            default -> throw new Rejection(Rejection.Code.EONAY_REVOCATION_UNAVAILABLE, status.detail());
        }
    }

    /** QcCompliance in qcStatements and one of the configured policies: a qualified certificate, not just any. */
    private static void requireQualified(X509CertificateHolder holder, Set<String> policies) throws Rejection {
        try {
            Extension statements = holder.getExtension(Extension.qCStatements);
            boolean compliant = statements != null && Arrays.stream(ASN1Sequence.getInstance(statements.getParsedValue()).toArray())
                            .map(QCStatement::getInstance).anyMatch(statement -> QC_COMPLIANCE.equals(statement.getStatementId()));
            CertificatePolicies declared = CertificatePolicies.fromExtensions(holder.getExtensions());
            boolean policy = declared != null && Arrays.stream(declared.getPolicyInformation())
                    .anyMatch(information -> policies.contains(information.getPolicyIdentifier().getId()));
            if (!compliant || !policy) {
                throw new Rejection(Rejection.Code.EONAY_NOT_QUALIFIED);
            }
        } catch (IllegalArgumentException malformed) {
            throw new Rejection(Rejection.Code.EONAY_NOT_QUALIFIED, malformed);
        }
    }

    private static CMSSignedData parse(byte[] cms) throws Rejection {
        try {
            return new CMSSignedData(cms);
        } catch (CMSException | RuntimeException e) {
            throw new Rejection(Rejection.Code.EONAY_MALFORMED, e);
        }
    }

    private static Attribute attribute(AttributeTable attributes, ASN1ObjectIdentifier type) {
        return attributes.getAll(type).size() == 1 ? attributes.get(type) : null;
    }

    private static X509CertificateHolder signerCertificate(CMSSignedData signed, SignerInformation signer) throws Rejection {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID());
        if (matches.size() != 1) {
            throw new Rejection(Rejection.Code.EONAY_SIGNING_CERTIFICATE_MISMATCH);
        }
        return matches.iterator().next();
    }

    private static X509Certificate certificate(X509CertificateHolder holder) throws Rejection {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException e) {
            throw new Rejection(Rejection.Code.EONAY_MALFORMED, e);
        }
    }

    /** ESS signing-certificate-v2: the signer committed to this very certificate (by its SHA-256). */
    private static void requireSigningCertificateV2(Attribute attribute, X509CertificateHolder holder) throws Rejection {
        try {
            SigningCertificateV2 reference = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0));
            ESSCertIDv2 first = reference.getCerts()[0];
            if (!NISTObjectIdentifiers.id_sha256.equals(first.getHashAlgorithm().getAlgorithm())
                    || !MessageDigest.isEqual(first.getCertHash(), MessageDigest.getInstance("SHA-256").digest(holder.getEncoded()))) {
                throw new Rejection(Rejection.Code.EONAY_SIGNING_CERTIFICATE_MISMATCH);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new Rejection(Rejection.Code.EONAY_SIGNING_CERTIFICATE_MISMATCH, e);
        }
    }

    /** PKIX to one of the anchors at the signing time; revocation is asked separately. Returns the issuing anchor. */
    private static X509Certificate validateChain(X509Certificate certificate, Instant signingTime, Trust trust) throws Rejection {
        try {
            Set<TrustAnchor> anchors = trust.anchors().stream().map(anchor -> new TrustAnchor(anchor, null))
                    .collect(Collectors.toSet());
            if (anchors.isEmpty()) {
                throw new Rejection(Rejection.Code.EONAY_UNTRUSTED);
            }
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setDate(java.util.Date.from(signingTime));
            parameters.setRevocationEnabled(false);
            PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)), parameters);
            return result.getTrustAnchor().getTrustedCert();
        } catch (GeneralSecurityException e) {
            throw new Rejection(Rejection.Code.EONAY_UNTRUSTED, e);
        }
    }

    private static String subjectSerialNumber(X500Name subject) {
        RDN[] serials = subject.getRDNs(BCStyle.SERIALNUMBER);
        return serials.length == 1 ? IETFUtils.valueToString(serials[0].getFirst().getValue()) : "";
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

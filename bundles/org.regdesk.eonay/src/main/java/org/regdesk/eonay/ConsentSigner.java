package org.regdesk.eonay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.regdesk.card.api.CardCertificate;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.DigestAlgorithm;

/**
 * An E-Onay signature: CMS SignedData with the text attached, per CAdES baseline B-B (ETSI EN 319
 * 122-1). Bouncy Castle builds the SignedData and the signed attributes (content-type, message-digest,
 * signing-time, signing-certificate-v2); the card only signs the SHA-256 hash of those attributes with
 * the certificate's key, RSA PKCS#1 v1.5 or ECDSA as the key is. The PIN must be verified in
 * {@code card} first.
 */
public final class ConsentSigner {

    /** The DER SignedData and the time the card spent signing. */
    public record Signature(byte[] cms, Instant signingTime, long cardMicros) {
    }

    private ConsentSigner() {
    }

    public static Signature sign(CardSession card, CardCertificate certificate, byte[] content, Instant signingTime)
            throws CardException {
        CardContentSigner cardSigner = new CardContentSigner(card, certificate);
        try {
            X509CertificateHolder holder = new JcaX509CertificateHolder(certificate.certificate());
            ASN1EncodableVector signed = new ASN1EncodableVector();
            signed.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            signed.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(signingCertificateV2(holder))));
            SignerInfoGenerator signer = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(signed)))
                    .build(cardSigner, holder);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signer);
            generator.addCertificate(holder);
            byte[] cms = generator.generate(new CMSProcessableByteArray(content), true).getEncoded("DER");
            return new Signature(cms, signingTime, cardSigner.cardNanos / 1000);
        } catch (CardSigningFailed e) {
            throw e.getCause();
        } catch (CertificateEncodingException | OperatorCreationException | CMSException | IOException e) {
            throw new CardException(CardException.Reason.IO, "Cannot build the signature: " + e.getMessage(), e);
        }
    }

    private static SigningCertificateV2 signingCertificateV2(X509CertificateHolder holder) throws IOException {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(holder.getEncoded());
            IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(holder.getIssuer())),
                    holder.getSerialNumber());
            return new SigningCertificateV2(new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash,
                    issuerSerial));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Bouncy Castle hands over the DER signed attributes; the card signs their SHA-256 hash. */
    private static final class CardContentSigner implements ContentSigner {
        private final CardSession card;
        private final CardCertificate certificate;
        private final AlgorithmIdentifier algorithm;
        private final ByteArrayOutputStream signedAttributes = new ByteArrayOutputStream();
        private long cardNanos;

        CardContentSigner(CardSession card, CardCertificate certificate) throws CardException {
            this.card = card;
            this.certificate = certificate;
            String keyAlgorithm = certificate.certificate().getPublicKey().getAlgorithm();
            this.algorithm = switch (keyAlgorithm) {
            case "RSA" -> new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withRSA");
            case "EC" -> new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
            default -> throw new CardException(CardException.Reason.UNSUPPORTED, "No E-Onay signature with a " + keyAlgorithm + " key");
            };
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public OutputStream getOutputStream() {
            return signedAttributes;
        }

        @Override
        public byte[] getSignature() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(signedAttributes.toByteArray());
                long start = System.nanoTime();
                byte[] signature = card.sign(certificate.keyId(), DigestAlgorithm.SHA256, digest);
                cardNanos += System.nanoTime() - start;
                return signature;
            } catch (CardException e) {
                throw new CardSigningFailed(e);
            } catch (GeneralSecurityException e) {
                throw new UncheckedIOException(new IOException(e));
            }
        }
    }

    /** Carries the card's own exception through Bouncy Castle, which only lets unchecked ones pass. */
    private static final class CardSigningFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CardSigningFailed(CardException cause) {
            super(cause);
        }

        @Override
        public synchronized CardException getCause() {
            return (CardException) super.getCause();
        }
    }
}

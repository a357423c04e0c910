package org.regdesk.server.ca.reference.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.regdesk.server.ca.CertificateRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 6960 responder for one CA, signing as a delegated responder: an EC P-256 key made at start
 * and certified by the CA with id-kp-OCSPSigning and id-pkix-ocsp-nocheck, renewed a day before it
 * ends. Answers good, revoked (with time and reason; on hold is revoked with certificateHold) or
 * unknown (a serial this CA never issued), echoes the request's nonce, and refuses requests about
 * another CA's certificates as unauthorized.
 */
final class OcspResponder {

    private static final Logger LOG = LoggerFactory.getLogger(OcspResponder.class);

    /** How long relying parties may cache an answer (nextUpdate). */
    static final Duration ANSWER_VALIDITY = Duration.ofHours(1);
    private static final Duration RESPONDER_VALIDITY = Duration.ofDays(7);
    private static final String SIGNATURE = "SHA256withECDSA";

    private record Responder(KeyPair keys, X509CertificateHolder certificate, RespID id, Instant renewAt) {

        /**
         * A signer for one answer: a ContentSigner is a stream into one Signature, so one shared between
         * concurrent requests mixes their bytes and signs garbage (seen: 2 in 400 answers under load).
         */
        ContentSigner signer() throws OperatorCreationException {
            return new JcaContentSignerBuilder(SIGNATURE).build(keys.getPrivate());
        }
    }

    /** Where the answers come from: the CA's register. */
    @FunctionalInterface
    interface Register {
        Optional<CertificateRecord> find(BigInteger serial);
    }

    private final CaKey ca;
    private final Register register;
    private final Clock clock;
    private final DigestCalculatorProvider digests;
    private final X509CertificateHolder caHolder;
    private volatile Responder responder;

    OcspResponder(CaKey ca, Register register, Clock clock) throws GeneralSecurityException {
        this.ca = ca;
        this.register = register;
        this.clock = clock;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
        this.caHolder = ca.holder();
        this.responder = newResponder();
    }

    /** The delegated responder's certificate (for tests and the benchmark). */
    X509CertificateHolder responderCertificate() {
        return responder.certificate();
    }

    /** A signer with the key the next answer is signed with (CertificateStatusBenchmark's baseline, by reflection). */
    ContentSigner answerSigner() throws GeneralSecurityException, OperatorCreationException {
        return current().signer();
    }

    /** The DER OCSPResponse for a DER OCSPRequest; malformed input gets malformedRequest, never an exception. */
    byte[] answer(byte[] request) {
        try {
            OCSPReq parsed;
            try {
                parsed = new OCSPReq(request);
            } catch (IOException | RuntimeException malformed) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);
            }
            Req[] requests = parsed.getRequestList();
            if (requests.length == 0) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);
            }
            Responder current = current();
            Instant now = clock.instant();
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(current.id());
            for (Req one : requests) {
                CertificateID id = one.getCertID();
                if (!id.matchesIssuer(caHolder, digests)) {
                    return status(OCSPRespBuilder.UNAUTHORIZED);
                }
                builder.addResponse(id, status(register.find(id.getSerialNumber())), Date.from(now),
                        Date.from(now.plus(ANSWER_VALIDITY)), null);
            }
            Extension nonce = parsed.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL,
                    builder.build(current.signer(), new X509CertificateHolder[] { current.certificate() }, Date.from(now)))
                    .getEncoded();
        } catch (OCSPException | IOException | GeneralSecurityException | OperatorCreationException | RuntimeException failure) {
            LOG.error("OCSP answer failed; the relying party gets internalError", failure);
            return status(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    private static CertificateStatus status(Optional<CertificateRecord> record) {
        if (record.isEmpty()) {
            return new UnknownStatus();
        }
        return switch (record.get().status()) {
        case VALID -> CertificateStatus.GOOD;
        case EXPIRED -> record.get().reason().isEmpty() ? CertificateStatus.GOOD : revoked(record.get());
        case ON_HOLD, REVOKED -> revoked(record.get());
        };
    }

    private static CertificateStatus revoked(CertificateRecord record) {
        return new RevokedStatus(Date.from(record.revocationTime().orElseThrow()),
                record.reason().map(reason -> reason.code()).orElse(CRLReason.unspecified));
    }

    private static byte[] status(int failure) {
        try {
            return new OCSPRespBuilder().build(failure, null).getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException("an OCSP error status always encodes", e);
        }
    }

    private Responder current() throws GeneralSecurityException {
        Responder now = responder;
        if (clock.instant().isAfter(now.renewAt())) {
            synchronized (this) {
                if (clock.instant().isAfter(responder.renewAt())) {
                    responder = newResponder();
                }
                now = responder;
            }
        }
        return now;
    }

    private Responder newResponder() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair keys = generator.generateKeyPair();
        Instant now = clock.instant();
        X500Name caName = caHolder.getSubject();
        X500Name name = responderName(caName);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            var builder = new JcaX509v3CertificateBuilder(caName, new BigInteger(72, new SecureRandom()).setBit(71),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(RESPONDER_VALIDITY)), name, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
            builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
            builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca.certificate()));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keys.getPublic()));
            X509CertificateHolder certificate = builder.build(ca.signer());
            RespID id = new RespID(certificate.getSubjectPublicKeyInfo(), digests.get(RespID.HASH_SHA1));
            return new Responder(keys, certificate, id, now.plus(RESPONDER_VALIDITY).minus(Duration.ofDays(1)));
        } catch (IOException | OperatorCreationException | OCSPException e) {
            throw new GeneralSecurityException("cannot certify the OCSP responder key", e);
        }
    }

    /** The CA's name with "OCSP Responder" added to its common name. */
    private static X500Name responderName(X500Name caName) {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        String commonName = "RegDesk CA";
        for (RDN rdn : caName.getRDNs()) {
            if (rdn.getFirst().getType().equals(BCStyle.CN)) {
                commonName = IETFUtils.valueToString(rdn.getFirst().getValue());
            } else {
                name.addRDN(rdn.getFirst());
            }
        }
        return name.addRDN(BCStyle.CN, commonName + " OCSP Responder").build();
    }
}

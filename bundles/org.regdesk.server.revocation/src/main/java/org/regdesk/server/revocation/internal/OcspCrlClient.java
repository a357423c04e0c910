package org.regdesk.server.revocation.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.regdesk.server.revocation.RevocationChecker;
import org.regdesk.server.revocation.RevocationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCSP first (RFC 6960 POST with a nonce, to the configured responder or the certificate's AIA), then
 * the CRL (configured locations or the certificate's distribution points; http(s) or file), each
 * accepted only when signed by the issuer (OCSP: or by a responder the issuer certified for
 * id-kp-OCSPSigning) and current. A CRL is kept until its nextUpdate. Anything else is UNAVAILABLE.
 */
public final class OcspCrlClient implements RevocationChecker {

    /**
     * @param ocsp the responder to ask instead of the certificate's AIA (a CA's internal address)
     * @param crls where to fetch CRLs instead of the certificate's distribution points
     * @param timeout per request; a responder slower than this counts as down
     * @param clockSkew tolerated between this server's clock and the CA's
     */
    public record Settings(Optional<URI> ocsp, List<URI> crls, Duration timeout, Duration clockSkew) {
        public Settings {
            crls = List.copyOf(crls);
        }

        public static Settings fromCertificates() {
            return new Settings(Optional.empty(), List.of(), Duration.ofSeconds(5), Duration.ofMinutes(5));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(OcspCrlClient.class);
    /** A CRL of 100,000 entries is about 4 MB; refuse to buffer anything much larger. */
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final Settings settings;
    private final HttpClient http;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<URI, X509CRL> crlCache = new ConcurrentHashMap<>();

    public OcspCrlClient(Settings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public RevocationStatus check(X509Certificate certificate, X509Certificate issuer) {
        String serial = certificate.getSerialNumber().toString(16);
        List<String> failures = new ArrayList<>();
        for (URI responder : settings.ocsp().map(List::of).orElseGet(() -> ocspLocations(certificate))) {
            try {
                return ocsp(responder, certificate, issuer);
            } catch (IOException | GeneralSecurityException | OCSPException | OperatorCreationException | RuntimeException e) {
                failures.add("OCSP " + responder + ": " + e.getMessage());
                LOG.warn("OCSP for certificate {} failed at {} ({}); trying the CRL", serial, responder, e.getMessage());
            }
        }
        List<URI> crlLocations = settings.crls().isEmpty() ? crlLocations(certificate) : settings.crls();
        for (URI location : crlLocations) {
            try {
                return fromCrl(currentCrl(location, issuer), certificate);
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                failures.add("CRL " + location + ": " + e.getMessage());
                LOG.warn("CRL for certificate {} unusable at {} ({})", serial, location, e.getMessage());
            }
        }
        if (failures.isEmpty()) {
            failures.add("the certificate names no OCSP responder or CRL and none is configured");
        }
        return RevocationStatus.unavailable(String.join("; ", failures));
    }

    private RevocationStatus ocsp(URI responder, X509Certificate certificate, X509Certificate issuer)
            throws IOException, GeneralSecurityException, OCSPException, OperatorCreationException {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        OCSPReqBuilder request = new OCSPReqBuilder().addRequest(id);
        request.setRequestExtensions(new Extensions(Extension.create(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                new DEROctetString(nonce))));
        OCSPResp response = new OCSPResp(post(responder, request.build().getEncoded()));
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            throw new OCSPException("responder status " + response.getStatus());
        }
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        if (basic == null || !basic.isSignatureValid(responderVerifier(basic, issuer))) {
            throw new OCSPException("the answer is not signed by the CA or a responder it certified");
        }
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (echoed != null && !new DEROctetString(nonce).equals(echoed.getParsedValue())) {
            throw new OCSPException("the answer carries another request's nonce (replayed?)");
        }
        Instant now = clock.instant();
        for (SingleResp single : basic.getResponses()) {
            if (!single.getCertID().equals(id)) {
                continue;
            }
            if (single.getThisUpdate().toInstant().isAfter(now.plus(settings.clockSkew()))
                    || single.getNextUpdate() != null && single.getNextUpdate().toInstant().isBefore(now.minus(settings.clockSkew()))) {
                throw new OCSPException("the answer is not current (thisUpdate " + single.getThisUpdate().toInstant() + ")");
            }
            CertificateStatus status = single.getCertStatus();
            if (status == CertificateStatus.GOOD) {
                return RevocationStatus.good(RevocationStatus.Source.OCSP);
            }
            if (status instanceof RevokedStatus revoked) {
                return RevocationStatus.revoked(RevocationStatus.Source.OCSP, revoked.getRevocationTime().toInstant(),
                        revoked.hasRevocationReason() ? Optional.of(revoked.getRevocationReason()) : Optional.empty());
            }
            return RevocationStatus.unknown(RevocationStatus.Source.OCSP);
        }
        throw new OCSPException("the answer does not name the certificate asked about");
    }

    /** The CA itself, or the one responder certificate in the answer that the CA issued for OCSP signing. */
    private ContentVerifierProvider responderVerifier(BasicOCSPResp basic, X509Certificate issuer)
            throws OperatorCreationException, OCSPException, GeneralSecurityException, IOException {
        JcaContentVerifierProviderBuilder verifiers = new JcaContentVerifierProviderBuilder();
        X509CertificateHolder[] included = basic.getCerts();
        if (included.length == 0) {
            return verifiers.build(issuer);
        }
        X509CertificateHolder responder = included[0];
        ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
        try {
            if (!responder.getIssuer().equals(new JcaX509CertificateHolder(issuer).getSubject())
                    || !responder.isSignatureValid(verifiers.build(issuer))) {
                throw new OCSPException("the responder certificate is not issued by the certificate's CA");
            }
        } catch (org.bouncycastle.cert.CertException e) {
            throw new OCSPException("the responder certificate does not verify", e);
        }
        if (usage == null || !usage.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
            throw new OCSPException("the responder certificate lacks id-kp-OCSPSigning");
        }
        if (!responder.isValidOn(Date.from(clock.instant()))) {
            throw new OCSPException("the responder certificate has expired");
        }
        return verifiers.build(responder);
    }

    private X509CRL currentCrl(URI location, X509Certificate issuer) throws IOException, GeneralSecurityException {
        Instant now = clock.instant();
        X509CRL cached = crlCache.get(location);
        if (cached != null && current(cached, now)) {
            return cached;
        }
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(get(location)));
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new GeneralSecurityException("the CRL is another CA's (" + crl.getIssuerX500Principal() + ")");
        }
        crl.verify(issuer.getPublicKey());
        if (!current(crl, now)) {
            throw new GeneralSecurityException("the CRL is stale (nextUpdate " + Optional.ofNullable(crl.getNextUpdate())
                    .map(Date::toInstant).map(Instant::toString).orElse("missing") + ")");
        }
        crlCache.put(location, crl);
        return crl;
    }

    private boolean current(X509CRL crl, Instant now) {
        return crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isAfter(now)
                && !crl.getThisUpdate().toInstant().isAfter(now.plus(settings.clockSkew()));
    }

    private static RevocationStatus fromCrl(X509CRL crl, X509Certificate certificate) {
        X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
        if (entry == null) {
            return RevocationStatus.good(RevocationStatus.Source.CRL);
        }
        return RevocationStatus.revoked(RevocationStatus.Source.CRL, entry.getRevocationDate().toInstant(),
                Optional.ofNullable(entry.getRevocationReason()).map(Enum::ordinal));
    }

    private byte[] post(URI responder, byte[] request) throws IOException {
        HttpRequest post = HttpRequest.newBuilder(responder).timeout(settings.timeout())
                .header("Content-Type", "application/ocsp-request").POST(HttpRequest.BodyPublishers.ofByteArray(request)).build();
        return send(post);
    }

    private byte[] get(URI location) throws IOException {
        if ("file".equals(location.getScheme())) {
            return Files.readAllBytes(Path.of(location));
        }
        return send(HttpRequest.newBuilder(location).timeout(settings.timeout()).GET().build());
    }

    private byte[] send(HttpRequest request) throws IOException {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    throw new IOException("the answer is larger than " + MAX_BODY + " bytes");
                }
                return bytes;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static List<URI> ocspLocations(X509Certificate certificate) {
        List<URI> locations = new ArrayList<>();
        try {
            AuthorityInformationAccess access = AuthorityInformationAccess.fromExtensions(extensions(certificate));
            if (access != null) {
                for (AccessDescription description : access.getAccessDescriptions()) {
                    if (AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())) {
                        uri(description.getAccessLocation()).ifPresent(locations::add);
                    }
                }
            }
        } catch (GeneralSecurityException | RuntimeException unreadable) {
            LOG.warn("Certificate {} has an unreadable AIA extension", certificate.getSerialNumber().toString(16));
        }
        return locations;
    }

    private static List<URI> crlLocations(X509Certificate certificate) {
        List<URI> locations = new ArrayList<>();
        try {
            CRLDistPoint points = CRLDistPoint.fromExtensions(extensions(certificate));
            if (points != null) {
                for (DistributionPoint point : points.getDistributionPoints()) {
                    DistributionPointName name = point.getDistributionPoint();
                    if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                        for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                            uri(general).ifPresent(locations::add);
                        }
                    }
                }
            }
        } catch (GeneralSecurityException | RuntimeException unreadable) {
            LOG.warn("Certificate {} has an unreadable CRL distribution point", certificate.getSerialNumber().toString(16));
        }
        return locations;
    }

    private static Extensions extensions(X509Certificate certificate) throws GeneralSecurityException {
        return new JcaX509CertificateHolder(certificate).getExtensions();
    }

    private static Optional<URI> uri(GeneralName name) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(name.getName().toString());
            return "http".equals(uri.getScheme()) || "https".equals(uri.getScheme()) ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}

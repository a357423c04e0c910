package org.regdesk.server.revocation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.regdesk.server.revocation.RevocationChecker;
import org.regdesk.server.revocation.RevocationStatus;

/**
 * The revocation checker from {@code etc/org.regdesk.server.revocation.cfg}. Without settings it asks
 * the responder and CRL each certificate names; a CA's internal addresses can be configured instead.
 */
@Component(configurationPid = RevocationComponent.PID, property = "service.ranking:Integer=0")
@Designate(ocd = RevocationComponent.Configuration.class)
public final class RevocationComponent implements RevocationChecker {

    public static final String PID = "org.regdesk.server.revocation";

    @ObjectClassDefinition(name = "RegDesk revocation checking (OCSP, CRL)")
    public @interface Configuration {

        @AttributeDefinition(description = "OCSP responder URL asked instead of the certificate's AIA; empty = the AIA")
        String ocsp_url() default "";

        @AttributeDefinition(description = "CRL locations (http, https or file URLs, comma-separated) instead of the "
                + "certificate's distribution points; empty = the distribution points")
        String crl_urls() default "";

        @AttributeDefinition(description = "PEM files of the certificates that https revocation URLs are trusted by, "
                + "comma-separated; empty = the JDK's trusted roots")
        String tls_trust() default "";

        @AttributeDefinition(description = "Seconds one OCSP or CRL request may take before the source counts as down")
        int timeout_seconds() default 5;
    }

    private final OcspCrlClient.Settings settings;
    private final List<Path> tlsTrust;
    private OcspCrlClient client;

    @Activate
    public RevocationComponent(Configuration configuration) {
        Duration timeout = Duration.ofSeconds(Math.max(1, configuration.timeout_seconds()));
        Optional<URI> ocsp = configuration.ocsp_url().isBlank() ? Optional.empty() : Optional.of(URI.create(configuration.ocsp_url().trim()));
        settings = new OcspCrlClient.Settings(ocsp, split(configuration.crl_urls()).stream().map(URI::create).toList(), timeout,
                Duration.ofMinutes(5));
        tlsTrust = split(configuration.tls_trust()).stream().map(Path::of).toList();
    }

    /**
     * Made at the first check, not at activation: a pinned development server certificate is written
     * when the server starts, which may be after this component.
     */
    private synchronized OcspCrlClient client() throws GeneralSecurityException, IOException {
        if (client == null) {
            HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (!tlsTrust.isEmpty()) {
                http.sslContext(trusting(tlsTrust));
            }
            client = new OcspCrlClient(settings, http.build(), Clock.systemUTC());
        }
        return client;
    }

    /** An SSL context that trusts exactly the certificates in these PEM files (a CA's or a pinned server's). */
    public static SSLContext trusting(List<Path> pemFiles) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        int index = 0;
        for (Path file : pemFiles) {
            try (InputStream in = Files.newInputStream(file)) {
                for (Certificate certificate : x509.generateCertificates(in)) {
                    store.setCertificateEntry("trusted-" + index++, (X509Certificate) certificate);
                }
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static List<String> split(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }

    @Override
    public RevocationStatus check(X509Certificate certificate, X509Certificate issuer) {
        try {
            return client().check(certificate, issuer);
        } catch (GeneralSecurityException | IOException e) {
            return RevocationStatus.unavailable("tls.trust in etc/" + PID + ".cfg cannot be read: " + e.getMessage());
        }
    }
}

package org.regdesk.server.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ProxyConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Jetty server and its handlers, started and stopped as one unit; no OSGi in here. */
public final class RegdeskServer {

    private static final Logger LOG = LoggerFactory.getLogger(RegdeskServer.class);

    private final ServerSettings settings;
    private final Clock clock;
    private Server jetty;
    private ServerConnector connector;
    private Optional<Path> developmentCertificate = Optional.empty();

    /** The routes, or a handler wrapping them (tests check every exchange against the API description). */
    private final Handler routes;

    private final ReadinessHandler.Readiness readiness;

    public RegdeskServer(ServerSettings settings, Clock clock) {
        this(settings, clock, new RouteDispatcher());
    }

    public RegdeskServer(ServerSettings settings, Clock clock, Handler routes) {
        this(settings, clock, routes, ReadinessHandler.Readiness.ALWAYS);
    }

    public RegdeskServer(ServerSettings settings, Clock clock, Handler routes, ReadinessHandler.Readiness readiness) {
        this.settings = settings;
        this.clock = clock;
        this.routes = routes;
        this.readiness = readiness;
    }

    /** Starts listening; returns the base URI with the port actually bound. */
    public synchronized URI start() throws Exception {
        if (jetty != null) {
            throw new IllegalStateException("already started");
        }
        Server server = new Server();
        server.setStopAtShutdown(false); // the OSGi component owns the lifecycle
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // RFC 6960 A.1: an OCSP GET carries url-encoded base64, where '/' arrives as %2F. Routes match the
        // decoded path segment by segment and only a {name...} tail reads the raw path, so nothing maps an
        // encoded slash onto a file or another route.
        http.setUriCompliance(UriCompliance.DEFAULT.with("regdesk", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
        ServerConnector serverConnector;
        if (settings.tlsEnabled()) {
            http.addCustomizer(new SecureRequestCustomizer());
            SslConnectionFactory tls = new SslConnectionFactory(sslContextFactory(), HttpVersion.HTTP_1_1.asString());
            serverConnector = settings.proxyProtocol()
                    // the balancer's header first, then the client's own TLS (mutual TLS still ends here)
                    ? new ServerConnector(server, new ProxyConnectionFactory(tls.getProtocol()), tls, new HttpConnectionFactory(http))
                    : new ServerConnector(server, tls, new HttpConnectionFactory(http));
        } else {
            LOG.warn("TLS is switched off (tls.enabled=false): traffic is readable on the network");
            serverConnector = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        serverConnector.setHost(settings.host());
        serverConnector.setPort(settings.port());
        server.addConnector(serverConnector);
        server.setHandler(new Handler.Sequence(new HealthHandler(settings.version(), clock), new ReadinessHandler(readiness), routes));
        server.setDefaultHandler(new NotFoundHandler());
        server.setErrorHandler(new JsonErrorHandler());
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw explainBindFailure(e);
        }
        jetty = server;
        connector = serverConnector;
        URI uri = baseUri();
        LOG.info("regdesk-server {} listening on {}", settings.version(), uri);
        return uri;
    }

    private Exception explainBindFailure(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return new ServerStartException("Port " + settings.port() + " on " + settings.host()
                        + " is already in use or not allowed (" + cause.getMessage() + "). Stop the other program or set "
                        + "another 'port' in " + ServerStartException.CONFIG_FILE + ".", failure);
            }
        }
        return failure;
    }

    /** Opens the configured keystore once, so a wrong path or password is reported in plain words. */
    private static void checkProvidedKeystore(ServerSettings.ProvidedKeystore keystore) throws ServerStartException {
        Path path = keystore.path();
        if (!Files.isReadable(path)) {
            throw new ServerStartException("TLS keystore " + path + " does not exist or cannot be read. Check "
                    + "'tls.keystore.path' in " + ServerStartException.CONFIG_FILE + ".", null);
        }
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, keystore.password());
            boolean hasKey = false;
            for (String alias : Collections.list(store.aliases())) {
                hasKey |= store.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new ServerStartException("TLS keystore " + path + " holds no private key: it must contain the "
                        + "server's key and certificate chain.", null);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new ServerStartException("TLS keystore " + path + " cannot be opened: wrong password or not a PKCS#12 "
                    + "file (" + e.getMessage() + "). Check 'tls.keystore.password' in " + ServerStartException.CONFIG_FILE
                    + ".", e);
        }
    }

    private SslContextFactory.Server sslContextFactory() throws Exception {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ssl.setKeyStoreType("PKCS12");
        if (settings.productionKeystore().isPresent()) {
            ServerSettings.ProvidedKeystore keystore = settings.productionKeystore().get();
            checkProvidedKeystore(keystore);
            ssl.setKeyStorePath(keystore.path().toString());
            ssl.setKeyStorePassword(new String(keystore.password()));
        } else {
            DevelopmentCertificate.Material material =
                    new DevelopmentCertificate(settings.dataDirectory().resolve("tls"), clock).ensure();
            char[] password = material.readPassword();
            ssl.setKeyStorePath(material.keystore().toString());
            ssl.setKeyStorePassword(new String(password));
            Arrays.fill(password, '\0');
            developmentCertificate = Optional.of(material.certificatePem());
        }
        trustDesks(ssl);
        return ssl;
    }

    /**
     * Mutual TLS for desks: a client certificate is asked for but not required, because citizens reach
     * the portal with a plain browser; routes for desks refuse requests without one.
     */
    private void trustDesks(SslContextFactory.Server ssl) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        if (settings.deskCaCertificates().isPresent()) {
            Path pem = settings.deskCaCertificates().get();
            if (!Files.isReadable(pem)) {
                throw new ServerStartException("Desk CA file " + pem + " does not exist or cannot be read. Check "
                        + "'tls.client.ca.path' in " + ServerStartException.CONFIG_FILE + ".", null);
            }
            int index = 0;
            try (InputStream in = Files.newInputStream(pem)) {
                for (java.security.cert.Certificate certificate : java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificates(in)) {
                    trust.setCertificateEntry("desk-ca-" + index++, certificate);
                }
            }
            if (index == 0) {
                throw new ServerStartException("Desk CA file " + pem + " holds no certificate ('tls.client.ca.path' in "
                        + ServerStartException.CONFIG_FILE + ").", null);
            }
        } else if (settings.productionKeystore().isPresent()) {
            LOG.warn("No desk CA configured ('tls.client.ca.path'): workstations cannot authenticate, desk requests are refused");
            return;
        } else {
            DevelopmentDeskAuthority authority = new DevelopmentDeskAuthority(settings.dataDirectory(), clock);
            trust.setCertificateEntry("desk-ca", authority.ensureCa());
            for (String desk : settings.developmentDesks()) {
                authority.ensureDesk(desk);
            }
        }
        ssl.setTrustStore(trust);
        ssl.setWantClientAuth(true);
    }

    public synchronized URI baseUri() {
        if (connector == null) {
            throw new IllegalStateException("not started");
        }
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        if ("0.0.0.0".equals(host)) {
            host = "127.0.0.1";
        }
        return URI.create((settings.tlsEnabled() ? "https" : "http") + "://" + host + ":" + connector.getLocalPort() + "/");
    }

    public synchronized Optional<Path> developmentCertificate() {
        return developmentCertificate;
    }

    public synchronized void stop() {
        if (jetty == null) {
            return;
        }
        try {
            jetty.stop();
            LOG.info("regdesk-server stopped");
        } catch (Exception e) {
            LOG.error("regdesk-server did not stop cleanly", e);
        } finally {
            jetty = null;
            connector = null;
        }
    }
}

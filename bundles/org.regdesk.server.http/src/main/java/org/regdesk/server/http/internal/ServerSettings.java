package org.regdesk.server.http.internal;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.regdesk.server.settings.SecretFiles;
import org.regdesk.server.settings.ServerMode;

/**
 * Validated server settings, independent of OSGi so the server can be started from plain tests.
 *
 * @param productionKeystore keystore from configuration; empty means "generate a development certificate"
 * @param proxyProtocol connections start with a PROXY protocol header from the load balancer, which carries
 *        the client's address (the balancer passes TLS through, so the node would see only the balancer's)
 */
public record ServerSettings(String host, int port, boolean tlsEnabled, Path dataDirectory,
        Optional<ProvidedKeystore> productionKeystore, Optional<Path> deskCaCertificates, java.util.List<String> developmentDesks,
        String version, boolean proxyProtocol) {

    /** Without the PROXY protocol: clients connect to this node directly. */
    public ServerSettings(String host, int port, boolean tlsEnabled, Path dataDirectory,
            Optional<ProvidedKeystore> productionKeystore, Optional<Path> deskCaCertificates, java.util.List<String> developmentDesks,
            String version) {
        this(host, port, tlsEnabled, dataDirectory, productionKeystore, deskCaCertificates, developmentDesks, version, false);
    }

    /** A keystore the administrator configured. The password is kept as chars so it can be wiped. */
    public record ProvidedKeystore(Path path, char[] password) {
        public ProvidedKeystore {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "ProvidedKeystore[path=" + path + ", password=***]";
        }
    }

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(productionKeystore, "productionKeystore");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(deskCaCertificates, "deskCaCertificates");
        developmentDesks = java.util.List.copyOf(developmentDesks);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
    }

    /**
     * Reads the OSGi configuration; relative paths are taken from the working folder. In production the server's
     * keystore and the desk CA must be configured: nothing is made up.
     */
    public static ServerSettings from(ServerConfiguration config, String version, ServerMode mode) {
        mode.requireInProduction("tls.enabled", config.tls_enabled(), "is false; desks must reach the registry over TLS");
        Optional<ProvidedKeystore> keystore = Optional.empty();
        String keystorePath = config.tls_keystore_path().trim();
        mode.requireInProduction("tls.keystore.path", !keystorePath.isEmpty(),
                "is empty; production needs a PKCS#12 keystore with the server's CA-issued certificate");
        if (!keystorePath.isEmpty()) {
            char[] password = SecretFiles.readIfSet("tls.keystore.password.file", config.tls_keystore_password_file())
                    .orElseGet(() -> config.tls_keystore_password().toCharArray());
            keystore = Optional.of(new ProvidedKeystore(Path.of(keystorePath).toAbsolutePath(), password));
        }
        String clientCa = config.tls_client_ca_path().trim();
        mode.requireInProduction("tls.client.ca.path", !clientCa.isEmpty(),
                "is empty; production needs the PEM certificate(s) of the CA that issues desk certificates");
        java.util.List<String> desks = java.util.Arrays.stream(config.development_desks().split(","))
                .map(String::trim).filter(id -> !id.isEmpty()).toList();
        return new ServerSettings(config.host().trim(), config.port(), config.tls_enabled(),
                Path.of(config.data_directory().trim()).toAbsolutePath(), keystore,
                clientCa.isEmpty() ? Optional.empty() : Optional.of(Path.of(clientCa).toAbsolutePath()), desks, version,
                config.proxy_protocol());
    }

    /** Plain settings for tests and tools: development certificates, the given development desks. */
    public static ServerSettings development(String host, int port, Path dataDirectory, java.util.List<String> desks) {
        return new ServerSettings(host, port, true, dataDirectory, Optional.empty(), Optional.empty(), desks, "test");
    }
}

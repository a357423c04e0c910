package org.regdesk.server.http;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** A RegDesk server that is accepting requests. */
@ProviderType
public interface ServerEndpoint {

    /** Base address of the server, for example {@code https://127.0.0.1:8443/}. */
    URI baseUri();

    /**
     * PEM file of the server's self-signed development certificate, which clients pin; empty when
     * the server runs with a keystore from configuration (clients then use their normal trust).
     */
    Optional<Path> developmentCertificate();
}

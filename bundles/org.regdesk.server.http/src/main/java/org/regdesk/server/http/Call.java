package org.regdesk.server.http;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One request as a route sees it. The body is already limited in size; {@link #json} binds it to a
 * record strictly (unknown fields, wrong types and trailing garbage are refused with 400).
 */
@ProviderType
public interface Call {

    String method();

    String path();

    /** The value of a {@code {name}} segment of the route pattern. */
    String pathParameter(String name);

    Optional<String> query(String name);

    Optional<String> header(String name);

    Optional<String> cookie(String name);

    /** The body as a strict JSON object of the given type; 400/415 as an {@link ApiException} otherwise. */
    <T> T json(Class<T> type) throws ApiException;

    /**
     * The raw body of a binary request (e.g. {@code application/ocsp-request}), refused with 415 unless
     * its Content-Type is {@code mediaType}.
     */
    byte[] bytes(String mediaType) throws ApiException;

    /** {@code application/x-www-form-urlencoded} fields of a form POST. */
    Map<String, String> form() throws ApiException;

    /** The desk certificate the client presented (mutual TLS), already checked against the desk CA. */
    Optional<X509Certificate> clientCertificate();

    /**
     * The desk that called a desk route: its certificate is enrolled and not revoked ({@link DeskCertificateCheck});
     * empty on other routes.
     */
    Optional<String> desk();

    /** The caller's address, for rate limits and audit. */
    String remoteAddress();
}

package org.regdesk.server.http;

import java.security.cert.X509Certificate;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Which desk a client certificate belongs to. TLS has already checked that the desk CA issued it; this service
 * decides the rest before any desk route runs: whether it is enrolled (a desk is its certificate, not a CN) and
 * whether it is revoked. Without such a service a development server takes the certificate's CN; a production
 * server refuses desk requests.
 */
@ConsumerType
public interface DeskCertificateCheck {

    /**
     * @return the desk's id
     * @throws ApiException a refusal (e.g. 403 DESK_CERTIFICATE_REVOKED, DESK_NOT_ENROLLED; 503 when the desk CA's
     *         revocation list is out of date)
     */
    String deskOf(X509Certificate certificate) throws ApiException;
}

package org.regdesk.server.ca.reference.internal;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.regdesk.server.http.ApiException;
import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.http.Reply;
import org.regdesk.server.http.Route;
import org.regdesk.server.http.Route.Access;

/**
 * What relying parties fetch, without a desk certificate: the full CRL ({@code /crl/<id>.crl}), the
 * CA certificate ({@code /ca/<id>.crt}, the caIssuers of AIA) and the OCSP responder ({@code /ocsp}: POST, and
 * the GET form of RFC 6960 A.1, {@code /ocsp/<url-encoded base64 request>}, which caches can keep).
 */
final class CaRoutes implements HttpRoutes {

    static final String OCSP_REQUEST = "application/ocsp-request";
    static final String OCSP_RESPONSE = "application/ocsp-response";

    private final String id;
    private final CaKey ca;
    private final CrlPublisher crls;
    private final OcspResponder ocsp;

    CaRoutes(String id, CaKey ca, CrlPublisher crls, OcspResponder ocsp) {
        this.id = id;
        this.ca = ca;
        this.crls = crls;
        this.ocsp = ocsp;
    }

    /** For CertificateStatusBenchmark (by reflection): its baseline signs with the responder's key. */
    OcspResponder responder() {
        return ocsp;
    }

    @Override
    public String name() {
        return "ca";
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/crl/{file}", Access.PUBLIC, call -> {
                    requireFile(call.pathParameter("file"), ".crl");
                    try {
                        CrlPublisher.Published crl = crls.current();
                        return new Reply(200, "application/pkix-crl", null, crl.der(), Map.of("Cache-Control",
                                "max-age=" + Math.max(0, java.time.Duration.between(java.time.Instant.now(), crl.nextUpdate())
                                        .dividedBy(2).toSeconds())));
                    } catch (GeneralSecurityException e) {
                        throw new ApiException(503, "CA_UNAVAILABLE", "The CA cannot sign a CRL now. Please try again.");
                    }
                }),
                Route.get("/ca/{file}", Access.PUBLIC, call -> {
                    requireFile(call.pathParameter("file"), ".crt");
                    try {
                        return new Reply(200, "application/pkix-cert", null, ca.certificate().getEncoded(), Map.of());
                    } catch (CertificateEncodingException e) {
                        throw new IllegalStateException(e);
                    }
                }),
                Route.post("/ocsp", Access.PUBLIC, call -> ocspReply(ocsp.answer(call.bytes(OCSP_REQUEST)))),
                Route.get("/ocsp/{request...}", Access.PUBLIC, call -> ocspReply(ocsp.answer(base64(call.pathParameter("request"))))));
    }

    /** Not base64: no bytes, which the responder answers as an OCSP client expects, with malformedRequest. */
    private static byte[] base64(String request) {
        try {
            return Base64.getDecoder().decode(request);
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }

    private static Reply ocspReply(byte[] response) {
        return new Reply(200, OCSP_RESPONSE, null, response, Map.of("Cache-Control", "no-store"));
    }

    private void requireFile(String file, String extension) throws ApiException {
        if (!file.equals(id + extension)) {
            throw new ApiException(404, "NOT_FOUND", "No such file; this CA publishes " + id + extension + ".");
        }
    }
}

package org.regdesk.server.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.regdesk.server.http.ApiException;
import org.regdesk.server.http.DeskCertificateCheck;
import org.regdesk.server.http.DeskCertificates;
import org.regdesk.server.http.HttpRoutes;
import org.regdesk.server.http.RefusalListener;
import org.regdesk.server.http.Reply;
import org.regdesk.server.http.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the routes of every {@link HttpRoutes} contribution. Routes come and go with their bundles;
 * a request sees one consistent list. Anything a route throws that is not an {@link ApiException} is a
 * bug: logged without the request body and answered with a 500 that names no internals.
 */
public final class RouteDispatcher extends Handler.Abstract {

    /** Larger bodies are refused before they are read: every request of the API fits in a few hundred bytes. */
    public static final int MAX_BODY_BYTES = 16 * 1024;
    private static final long DRAIN_LIMIT = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(RouteDispatcher.class);

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    /** Decides which desk a certificate is; null = none installed. */
    private volatile DeskCertificateCheck deskCheck;
    /** Production: without a desk check no desk route is served (a CN alone proves nothing). */
    private volatile boolean deskCheckRequired;
    /** Told of the refusals made here, before any route runs. */
    private final List<RefusalListener> refusalListeners = new CopyOnWriteArrayList<>();
    private final Map<HttpRoutes, List<Route>> contributions = new java.util.concurrent.ConcurrentHashMap<>();

    public void add(HttpRoutes contribution) {
        List<Route> added = List.copyOf(contribution.routes());
        contributions.put(contribution, added);
        routes.addAll(added);
    }

    /** Installs (or with null removes) the desk check; {@code required} refuses desk routes while none is installed. */
    public void deskCheck(DeskCertificateCheck check, boolean required) {
        deskCheck = check;
        deskCheckRequired = required;
    }

    public void addRefusalListener(RefusalListener listener) {
        refusalListeners.add(listener);
    }

    public void removeRefusalListener(RefusalListener listener) {
        refusalListeners.remove(listener);
    }

    /** The names of the contributions served now, and {@value #DESK_CHECK} while a desk check is installed. */
    public java.util.Set<String> names() {
        java.util.Set<String> names = contributions.keySet().stream().map(HttpRoutes::name)
                .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
        if (deskCheck != null) {
            names.add(DESK_CHECK); // desks are recognised (enrolment, CRL): without it no desk route is served
        }
        return names;
    }

    /** The name {@code ready.requires} gives the desk certificate check. */
    public static final String DESK_CHECK = "desks";

    public void remove(HttpRoutes contribution) {
        List<Route> removed = contributions.remove(contribution);
        if (removed != null) {
            routes.removeAll(removed);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        List<String> segments = List.of(path.substring(1).split("/", -1));
        boolean pathMatched = false;
        for (Route route : routes) {
            Map<String, String> parameters = RoutePatterns.match(route.segments(), segments,
                    request.getHttpURI().getPath());
            if (parameters == null) {
                continue;
            }
            pathMatched = true;
            if (route.method().equalsIgnoreCase(request.getMethod())) {
                serve(route, parameters, request, response, callback);
                return true;
            }
        }
        if (pathMatched) {
            ApiException refusal = new ApiException(405, "METHOD_NOT_ALLOWED", "Bu adres " + request.getMethod()
                    + " isteğini kabul etmiyor.");
            told(request, refusal, java.util.Optional.empty());
            JsonResponses.error(response, callback, refusal);
            return true;
        }
        return false;
    }

    private void serve(Route route, Map<String, String> parameters, Request request, Response response,
            Callback callback) {
        boolean routeRuns = false;
        java.util.Optional<String> desk = java.util.Optional.empty();
        try {
            java.security.cert.X509Certificate[] peer = peerCertificates(request);
            if (route.access() == Route.Access.DESK) {
                if (peer.length == 0) {
                    throw new ApiException(401, "DESK_CERTIFICATE_REQUIRED",
                            "This operation needs a registered desk certificate (mutual TLS).");
                }
                desk = java.util.Optional.of(desk(peer[0]));
            }
            byte[] body = readBody(request);
            JettyCall call = new JettyCall(request, parameters, body, peer, desk);
            call.refuseMalformedJson();
            routeRuns = true;
            Reply reply = route.handler().handle(call);
            write(reply, response, callback);
        } catch (ApiException refusal) {
            if (!routeRuns) {
                told(request, refusal, desk);
            }
            JsonResponses.error(response, callback, refusal);
        } catch (RuntimeException | Error bug) {
            LOG.error("{} {} failed", request.getMethod(), Request.getPathInContext(request), bug);
            JsonResponses.error(response, callback, 500, "INTERNAL_ERROR",
                    "Sunucuda beklenmeyen bir hata oluştu; işlem kaydedilmedi. Lütfen tekrar deneyin.");
        }
    }

    /** Tells the listeners of a refusal made here; the path is cut at 200 characters, a listener's failure only logged. */
    private void told(Request request, ApiException refusal, java.util.Optional<String> desk) {
        String path = Request.getPathInContext(request);
        RefusalListener.Refused refused = new RefusalListener.Refused(request.getMethod(), path.length() > 200 ? path.substring(0, 200)
                : path, refusal.status(), refusal.code(), refusal.params(), desk, Request.getRemoteAddr(request));
        for (RefusalListener listener : refusalListeners) {
            try {
                listener.refused(refused);
            } catch (RuntimeException e) {
                LOG.error("A refusal listener failed on {} {}", refused.code(), refused.path(), e);
            }
        }
    }

    private String desk(java.security.cert.X509Certificate certificate) throws ApiException {
        DeskCertificateCheck check = deskCheck;
        if (check != null) {
            return check.deskOf(certificate);
        }
        if (deskCheckRequired) {
            throw new ApiException(503, "DESK_CHECK_UNAVAILABLE",
                    "Masa sertifikaları şu anda doğrulanamıyor; lütfen biraz sonra tekrar deneyin.");
        }
        return DeskCertificates.commonName(certificate)
                .orElseThrow(() -> new ApiException(403, "UNKNOWN_DESK", "This desk certificate names no desk."));
    }

    private static java.security.cert.X509Certificate[] peerCertificates(Request request) {
        if (request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData ssl
                && ssl.peerCertificates() != null) {
            return ssl.peerCertificates();
        }
        return new java.security.cert.X509Certificate[0];
    }

    private static byte[] readBody(Request request) throws ApiException {
        try (InputStream in = Request.asInputStream(request)) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                // read (and drop) a modest rest, so the client is still listening when the 413 comes
                in.skipNBytes(Math.min(Math.max(0, request.getLength() - body.length), DRAIN_LIMIT));
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new ApiException(400, "BODY_UNREADABLE", "The request body could not be read.");
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "BODY_TOO_LARGE",
                "The request is too large (at most " + MAX_BODY_BYTES + " bytes).");
    }

    private static void write(Reply reply, Response response, Callback callback) {
        reply.headers().forEach((name, value) -> response.getHeaders().add(name, value));
        if (reply.jsonBody() != null) {
            JsonResponses.write(response, callback, reply.status(), reply.jsonBody());
            return;
        }
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(reply.bytes()), callback);
    }
}

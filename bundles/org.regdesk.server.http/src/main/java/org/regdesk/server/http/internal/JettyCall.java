package org.regdesk.server.http.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.regdesk.server.http.ApiException;
import org.regdesk.server.http.Call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/** A {@link Call} over a Jetty request whose body was read (and size-checked) before the route runs. */
final class JettyCall implements Call {

    private final Request request;
    private final Map<String, String> pathParameters;
    private final byte[] body;
    /** The body as a JSON tree once {@link #refuseMalformedJson} read it; null until then or when it is not JSON. */
    private com.fasterxml.jackson.databind.JsonNode parsed;
    private final X509Certificate[] peer;
    private Fields query;

    private final Optional<String> desk;

    JettyCall(Request request, Map<String, String> pathParameters, byte[] body, X509Certificate[] peer, Optional<String> desk) {
        this.desk = desk;
        this.request = request;
        this.pathParameters = pathParameters;
        this.body = body;
        this.peer = peer;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return Request.getPathInContext(request);
    }

    @Override
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no path parameter " + name);
        }
        return value;
    }

    @Override
    public Optional<String> query(String name) {
        if (query == null) {
            try {
                query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
            } catch (RuntimeException malformed) {
                query = Fields.EMPTY;
            }
        }
        return Optional.ofNullable(query.getValue(name));
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    @Override
    public Optional<String> cookie(String name) {
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(name)) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * A JSON body must be well-formed even where the route does not read it (a body a route ignores
     * today must not be one that two readers could read differently tomorrow). The tree parsed here is
     * what {@link #json} binds, so a body is parsed once.
     */
    void refuseMalformedJson() throws ApiException {
        if (body.length == 0 || !header("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return;
        }
        try {
            parsed = JsonResponses.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new ApiException(400, "MALFORMED_JSON", "The body is not valid JSON.");
        }
    }

    /** The JSON field a binding failure is about, "(body)" for the body as a whole. */
    private static String field(com.fasterxml.jackson.databind.JsonMappingException e) {
        return e.getPath().isEmpty() ? "(body)" : String.valueOf(e.getPath().get(e.getPath().size() - 1).getFieldName());
    }

    @Override
    public <T> T json(Class<T> type) throws ApiException {
        String contentType = header("Content-Type").orElse("");
        if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE",
                    "The body must be application/json.");
        }
        if (body.length == 0) {
            throw new ApiException(400, "BODY_REQUIRED", "The request body is empty.");
        }
        try {
            T value = parsed != null ? JsonResponses.MAPPER.treeToValue(parsed, type) : JsonResponses.MAPPER.readValue(body, type);
            if (value == null) {
                throw new ApiException(400, "BODY_REQUIRED", "The request body is null.");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new ApiException(400, "UNKNOWN_FIELD",
                    "Unknown field: " + e.getPropertyName(), Map.of("field", e.getPropertyName()));
        } catch (ValueInstantiationException e) {
            String reason = e.getCause() == null ? "invalid value" : e.getCause().getMessage();
            throw new ApiException(400, "INVALID_FIELD", "Invalid value: " + reason, Map.of("field", field(e)));
        } catch (MismatchedInputException e) {
            String field = field(e);
            throw new ApiException(400, "WRONG_TYPE", "Wrong type for field: " + field, Map.of("field", field));
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "MALFORMED_JSON", "The body is not valid JSON.");
        } catch (IOException e) {
            throw new ApiException(400, "BODY_UNREADABLE", "The request body could not be read.");
        }
    }

    @Override
    public byte[] bytes(String mediaType) throws ApiException {
        String contentType = header("Content-Type").orElse("").toLowerCase(java.util.Locale.ROOT);
        if (!contentType.equals(mediaType) && !contentType.startsWith(mediaType + ";")) {
            throw new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "The body must be " + mediaType + ".");
        }
        return body.clone();
    }

    @Override
    public Map<String, String> form() throws ApiException {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return fields;
        }
        try {
            for (String pair : text.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException malformed) {
            throw new ApiException(400, "MALFORMED_FORM", "The form data is malformed.");
        }
        return fields;
    }

    @Override
    public Optional<String> desk() {
        return desk;
    }

    @Override
    public Optional<X509Certificate> clientCertificate() {
        return peer.length == 0 ? Optional.empty() : Optional.of(peer[0]);
    }

    @Override
    public String remoteAddress() {
        return Request.getRemoteAddr(request);
    }
}

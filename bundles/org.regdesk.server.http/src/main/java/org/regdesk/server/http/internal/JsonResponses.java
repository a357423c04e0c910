package org.regdesk.server.http.internal;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.regdesk.backend.api.v1.Problem;
import org.regdesk.server.http.ApiException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Writes JSON bodies; every error is a {@link Problem} (RFC 9457) with a stable code, its parameters and an English fallback. */
public final class JsonResponses {

    /**
     * Strict on input (unknown fields, null primitives, trailing tokens and duplicate keys refused: a
     * lenient parser lets two components read one request differently), ISO-8601 times on output.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonResponses() {
    }

    /** Answers 405 (with Allow: GET) to anything but a GET of a fixed path; true when it did. */
    static boolean refusedUnlessGet(org.eclipse.jetty.server.Request request, Response response, Callback callback, String path) {
        if (org.eclipse.jetty.http.HttpMethod.GET.is(request.getMethod())) {
            return false;
        }
        response.getHeaders().put(HttpHeader.ALLOW, org.eclipse.jetty.http.HttpMethod.GET.asString());
        error(response, callback, 405, "METHOD_NOT_ALLOWED", path + " için GET kullanın.");
        return true;
    }

    /** A reply body as the server writes it (to keep an answer for repeats of its request). */
    public static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reply body that cannot be written as JSON", e);
        }
    }

    public static void write(Response response, Callback callback, int status, Object body) {
        write(response, callback, status, body, "application/json; charset=utf-8");
    }

    private static void write(Response response, Callback callback, int status, Object body, String contentType) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            callback.failed(e);
            return;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    public static void error(Response response, Callback callback, ApiException error) {
        write(response, callback, error.status(), Problem.of(error.status(), error.code(), error.fallback(), error.params()),
                Problem.MEDIA_TYPE);
    }

    public static void error(Response response, Callback callback, int status, String code, String fallback) {
        error(response, callback, new ApiException(status, code, fallback));
    }
}

package org.regdesk.backend.client.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import org.regdesk.backend.api.BackendStatus;
import org.regdesk.backend.api.BackendStatus.State;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One {@code GET /health} against the backend, turned into a {@link BackendStatus}. */
public final class HealthCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI base;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient client;
    private final Optional<String> trustProblem;

    /**
     * @param pinnedCertificate PEM file to trust instead of the JDK's CAs; a file that cannot be read
     *                          makes every check report {@link State#UNTRUSTED} with the reason
     */
    public HealthCheck(URI base, Optional<Path> pinnedCertificate, Duration timeout, Clock clock) {
        this.base = base;
        this.timeout = timeout;
        this.clock = clock;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        Optional<String> problem = Optional.empty();
        if (pinnedCertificate.isPresent()) {
            try {
                SSLContext pinned = PinnedTrust.sslContext(pinnedCertificate.get());
                builder.sslContext(pinned);
            } catch (IOException | GeneralSecurityException e) {
                problem = Optional.of("Trusted certificate " + pinnedCertificate.get() + " unusable: " + e.getMessage());
            }
        }
        this.trustProblem = problem;
        this.client = builder.build();
    }

    public URI address() {
        return base;
    }

    public BackendStatus run() {
        if (trustProblem.isPresent()) {
            return status(State.UNTRUSTED, Optional.empty(), trustProblem);
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/health")).timeout(timeout).GET()
                .header("Accept", "application/json").build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return interpret(response.statusCode(), response.body());
        } catch (SSLException e) {
            return status(State.UNTRUSTED, Optional.empty(), Optional.of("TLS: " + e.getMessage()));
        } catch (ConnectException | HttpTimeoutException | UnresolvedAddressException e) {
            return status(State.UNREACHABLE, Optional.empty(), Optional.of(e.toString()));
        } catch (IOException e) {
            // The JDK wraps handshake failures and resets in plain IOExceptions; look at the cause.
            if (e.getCause() instanceof SSLException ssl) {
                return status(State.UNTRUSTED, Optional.empty(), Optional.of("TLS: " + ssl.getMessage()));
            }
            return status(State.UNREACHABLE, Optional.empty(), Optional.of(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return status(State.UNREACHABLE, Optional.empty(), Optional.of("interrupted"));
        }
    }

    BackendStatus interpret(int statusCode, String body) {
        if (statusCode != 200) {
            return status(State.FAILING, Optional.empty(), Optional.of("HTTP " + statusCode + " from /health"));
        }
        try {
            JsonNode health = MAPPER.readTree(body);
            String reported = health.path("status").asText("");
            Optional<String> version = Optional.ofNullable(health.path("version").textValue());
            if (!"UP".equals(reported)) {
                return status(State.FAILING, version, Optional.of("backend reports status '" + reported + "'"));
            }
            return status(State.CONNECTED, version, Optional.empty());
        } catch (IOException e) {
            return status(State.FAILING, Optional.empty(), Optional.of("/health did not return JSON"));
        }
    }

    private BackendStatus status(State state, Optional<String> version, Optional<String> detail) {
        return new BackendStatus(state, base, version, clock.instant(), detail);
    }
}

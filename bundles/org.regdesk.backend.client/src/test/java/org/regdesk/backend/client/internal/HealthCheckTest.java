package org.regdesk.backend.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.regdesk.backend.api.BackendStatus;
import org.regdesk.backend.api.BackendStatus.State;

import com.sun.net.httpserver.HttpServer;

/**
 * How the health check reads what it meets. The happy path over TLS against the real server is in
 * the OSGi integration test (tests/org.regdesk.server.tests).
 */
class HealthCheckTest {

    @TempDir
    Path directory;

    private static HealthCheck check(URI uri, Optional<Path> pin) {
        return new HealthCheck(uri, pin, Duration.ofSeconds(2), Clock.systemUTC());
    }

    @Test
    void aPortNobodyListensOnIsReportedUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        BackendStatus status = check(URI.create("https://127.0.0.1:" + closedPort + "/"), Optional.empty()).run();
        assertEquals(State.UNREACHABLE, status.state());
        assertTrue(status.detail().isPresent());
    }

    @Test
    void aPinnedCertificateFileThatIsMissingIsATrustProblemNamingTheFile() {
        Path missing = directory.resolve("server.crt");
        BackendStatus status = check(URI.create("https://127.0.0.1:1/"), Optional.of(missing)).run();
        assertEquals(State.UNTRUSTED, status.state());
        assertTrue(status.detail().orElseThrow().contains("server.crt"), status.detail().orElseThrow());
    }

    @Test
    void aPinnedFileWithoutACertificateIsATrustProblem() throws IOException {
        Path garbage = Files.writeString(directory.resolve("server.crt"), "not a certificate");
        assertEquals(State.UNTRUSTED, check(URI.create("https://127.0.0.1:1/"), Optional.of(garbage)).run().state());
    }

    @Test
    void aTlsClientTalkingToAPlainHttpServerIsNotCalledConnected() throws IOException {
        HttpServer plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        plain.createContext("/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        plain.start();
        try {
            URI uri = URI.create("https://127.0.0.1:" + plain.getAddress().getPort() + "/");
            State state = check(uri, Optional.empty()).run().state();
            assertTrue(state == State.UNTRUSTED || state == State.UNREACHABLE, state.toString());
        } finally {
            plain.stop(0);
        }
    }

    @Test
    void anAnswerIsReadForStatusAndVersion() {
        HealthCheck check = check(URI.create("https://127.0.0.1:1/"), Optional.empty());

        BackendStatus up = check.interpret(200, "{\"status\":\"UP\",\"version\":\"1.0.0.v1\"}");
        assertEquals(State.CONNECTED, up.state());
        assertEquals(Optional.of("1.0.0.v1"), up.serverVersion());

        assertEquals(State.FAILING, check.interpret(503, "{}").state());
        assertEquals(State.FAILING, check.interpret(200, "<html>proxy login</html>").state());
        assertEquals(State.FAILING, check.interpret(200, "{\"status\":\"DOWN\"}").state());
    }
}

package org.regdesk.server.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class RegdeskServerTest {

    @TempDir
    Path data;

    private RegdeskServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    private URI startTls() throws Exception {
        server = new RegdeskServer(new ServerSettings("127.0.0.1", 0, true, data, Optional.empty(), Optional.empty(), java.util.List.of(), "1.2.3.test"),
                Clock.systemUTC());
        return server.start();
    }

    private static HttpClient pinnedClient(Path pem) throws Exception {
        return HttpClient.newBuilder().sslContext(sslContext(pem)).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static SSLContext sslContext(Path pem) throws Exception {
        X509Certificate certificate;
        try (InputStream in = Files.newInputStream(pem)) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static HttpResponse<String> send(HttpClient client, URI uri, String method) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAnswersOverTlsWithTheVersionToAClientThatPinsTheDevelopmentCertificate() throws Exception {
        URI base = startTls();
        assertEquals("https", base.getScheme());
        HttpResponse<String> response = send(pinnedClient(server.developmentCertificate().orElseThrow()),
                base.resolve("/health"), "GET");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = JsonResponses.MAPPER.readTree(response.body());
        assertEquals("UP", body.get("status").asText());
        assertEquals("1.2.3.test", body.get("version").asText());
        assertEquals("regdesk-server", body.get("service").asText());
    }

    @Test
    void readyWaitsForEveryRequiredContributionWhileHealthAnswersAtOnce() throws Exception {
        RouteDispatcher routes = new RouteDispatcher();
        server = new RegdeskServer(new ServerSettings("127.0.0.1", 0, false, data, Optional.empty(), Optional.empty(),
                java.util.List.of(), "1"), Clock.systemUTC(), routes,
                new ReadinessHandler.Readiness(java.util.List.of("registry", "portal"), routes::names));
        URI base = server.start();
        HttpClient client = HttpClient.newHttpClient();
        assertEquals(200, send(client, base.resolve("/health"), "GET").statusCode());
        HttpResponse<String> starting = send(client, base.resolve("/ready"), "GET");
        assertEquals(503, starting.statusCode());
        assertTrue(starting.body().contains("\"missing\":[\"registry\",\"portal\"]"), starting.body());
        org.regdesk.server.http.HttpRoutes registry = named("registry");
        routes.add(registry);
        routes.add(named("portal"));
        assertEquals(200, send(client, base.resolve("/ready"), "GET").statusCode());
        routes.remove(registry);
        HttpResponse<String> stopped = send(client, base.resolve("/ready"), "GET");
        assertEquals(503, stopped.statusCode(), "a stopped bundle takes the node out again");
        assertTrue(stopped.body().contains("\"missing\":[\"registry\"]"), stopped.body());
        assertEquals(405, send(client, base.resolve("/ready"), "POST").statusCode());
    }

    /** A node that cannot tell desks apart (no desk certificate check) is not ready when the check is required. */
    @Test
    void theDeskCheckCountsAsAContributionForReadiness() {
        RouteDispatcher routes = new RouteDispatcher();
        assertTrue(!routes.names().contains(RouteDispatcher.DESK_CHECK));
        routes.deskCheck(certificate -> "DESK-001", true);
        assertTrue(routes.names().contains(RouteDispatcher.DESK_CHECK));
        routes.deskCheck(null, true);
        assertTrue(!routes.names().contains(RouteDispatcher.DESK_CHECK));
    }

    @Test
    void behindTheBalancerTheClientAddressComesFromTheProxyHeader() throws Exception {
        RouteDispatcher routes = new RouteDispatcher();
        routes.add(() -> java.util.List.of(org.regdesk.server.http.Route.get("/whoami", org.regdesk.server.http.Route.Access.PUBLIC,
                call -> org.regdesk.server.http.Reply.ok(java.util.Map.of("address", call.remoteAddress())))));
        server = new RegdeskServer(new ServerSettings("127.0.0.1", 0, true, data, Optional.empty(), Optional.empty(),
                java.util.List.of(), "1", true), Clock.systemUTC(), routes);
        URI base = server.start();
        Path pem = data.resolve("tls").resolve("server.crt");
        String answer;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("PROXY TCP4 203.0.113.7 127.0.0.1 40000 " + base.getPort() + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            try (javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) sslContext(pem).getSocketFactory()
                    .createSocket(socket, "localhost", base.getPort(), false)) {
                tls.getOutputStream().write("GET /whoami HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                answer = new String(tls.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertTrue(answer.contains("\"address\":\"203.0.113.7\""), "the balancer's client, not the balancer: " + answer);
        // Jetty detects the header and serves clients without one too: the balancer's network must be the only way in
        assertTrue(send(pinnedClient(pem), base.resolve("/whoami"), "GET").body().contains("\"address\":\"127.0.0.1\""));
    }

    private static org.regdesk.server.http.HttpRoutes named(String name) {
        return new org.regdesk.server.http.HttpRoutes() {
            @Override
            public java.util.List<org.regdesk.server.http.Route> routes() {
                return java.util.List.of();
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefusedAtTheHandshake() throws Exception {
        URI base = startTls();
        HttpClient defaultTrust = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThrows(SSLHandshakeException.class, () -> send(defaultTrust, base.resolve("/health"), "GET"));
    }

    @Test
    void unknownPathsAndWrongMethodsGetProblemDetailsNotHtml() throws Exception {
        URI base = startTls();
        HttpClient client = pinnedClient(server.developmentCertificate().orElseThrow());

        HttpResponse<String> missing = send(client, base.resolve("/nothing-here"), "GET");
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElse(""));
        com.fasterxml.jackson.databind.JsonNode problem = JsonResponses.MAPPER.readTree(missing.body());
        assertEquals("NOT_FOUND", problem.get("code").asText());
        assertEquals("urn:regdesk:problem:NOT_FOUND", problem.get("type").asText());
        assertEquals(404, problem.get("status").asInt());
        assertFalse(problem.get("title").asText().isBlank(), "an English fallback text");

        HttpResponse<String> post = send(client, base.resolve("/health"), "POST");
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
        assertEquals("METHOD_NOT_ALLOWED", JsonResponses.MAPPER.readTree(post.body()).get("code").asText());
    }

    @Test
    void aRestartKeepsTheSameCertificateSoPinnedClientsStillConnect() throws Exception {
        startTls();
        byte[] firstPem = Files.readAllBytes(server.developmentCertificate().orElseThrow());
        server.stop();

        URI base = startTls();
        Path pem = server.developmentCertificate().orElseThrow();
        assertEquals(new String(firstPem), Files.readString(pem));
        assertEquals(200, send(pinnedClient(pem), base.resolve("/health"), "GET").statusCode());
    }

    @Test
    void withTlsSwitchedOffTheServerSpeaksPlainHttp() throws Exception {
        server = new RegdeskServer(new ServerSettings("127.0.0.1", 0, false, data, Optional.empty(), Optional.empty(), java.util.List.of(), "1"),
                Clock.systemUTC());
        URI base = server.start();
        assertEquals("http", base.getScheme());
        assertEquals(200, send(HttpClient.newHttpClient(), base.resolve("/health"), "GET").statusCode());
        assertTrue(server.developmentCertificate().isEmpty());
    }

    @Test
    void aConfiguredProductionKeystoreIsServedAndNoDevelopmentCertificateIsMade() throws Exception {
        DevelopmentCertificate.Material production = new DevelopmentCertificate(data.resolve("ca-issued"),
                Clock.systemUTC()).ensure();
        server = new RegdeskServer(new ServerSettings("127.0.0.1", 0, true, data.resolve("state"),
                Optional.of(new ServerSettings.ProvidedKeystore(production.keystore(), production.readPassword())), Optional.empty(), java.util.List.of(), "1"),
                Clock.systemUTC());
        URI base = server.start();

        assertEquals(200, send(pinnedClient(production.certificatePem()), base.resolve("/health"), "GET").statusCode());
        assertTrue(server.developmentCertificate().isEmpty());
        assertTrue(Files.notExists(data.resolve("state").resolve("tls")), "no self-signed certificate next to a real one");
    }

    @Test
    void aWrongKeystorePasswordNamesTheSettingToFix() throws Exception {
        DevelopmentCertificate.Material production = new DevelopmentCertificate(data.resolve("ca-issued"),
                Clock.systemUTC()).ensure();
        server = new RegdeskServer(new ServerSettings("127.0.0.1", 0, true, data, Optional.of(
                new ServerSettings.ProvidedKeystore(production.keystore(), "not-the-password".toCharArray())), Optional.empty(), java.util.List.of(), "1"),
                Clock.systemUTC());
        ServerStartException error = assertThrows(ServerStartException.class, server::start);
        assertTrue(error.getMessage().contains("tls.keystore.password"), error.getMessage());
    }

    @Test
    void aMissingKeystoreNamesThePathSetting() {
        server = new RegdeskServer(new ServerSettings("127.0.0.1", 0, true, data, Optional.of(
                new ServerSettings.ProvidedKeystore(data.resolve("missing.p12"), new char[0])), Optional.empty(), java.util.List.of(), "1"), Clock.systemUTC());
        ServerStartException error = assertThrows(ServerStartException.class, server::start);
        assertTrue(error.getMessage().contains("missing.p12") && error.getMessage().contains("tls.keystore.path"),
                error.getMessage());
    }

    @Test
    void aPortThatIsTakenIsReportedAsSuchAndNothingKeepsListening() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server = new RegdeskServer(new ServerSettings("127.0.0.1", taken.getLocalPort(), true, data, Optional.empty(), Optional.empty(), java.util.List.of(),
                    "1"), Clock.systemUTC());
            ServerStartException error = assertThrows(ServerStartException.class, server::start);
            assertTrue(error.getMessage().contains("Port " + taken.getLocalPort()) && error.getMessage().contains("port"),
                    error.getMessage());
            assertThrows(IllegalStateException.class, server::baseUri, "a failed start leaves no half-started server");
        }
    }

    @Test
    void aPortOutsideTheTcpRangeIsRejectedBeforeAnythingStarts() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new ServerSettings("127.0.0.1", 70000, true, data, Optional.empty(), Optional.empty(), java.util.List.of(), "1"));
        assertTrue(error.getMessage().contains("70000"));
    }
}

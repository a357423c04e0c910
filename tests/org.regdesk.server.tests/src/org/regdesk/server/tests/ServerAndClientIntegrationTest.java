package org.regdesk.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.util.tracker.ServiceTracker;
import org.regdesk.backend.api.BackendStatus;
import org.regdesk.backend.api.BackendStatusService;
import org.regdesk.backend.client.internal.PinnedTrust;
import org.regdesk.server.http.ServerEndpoint;

/**
 * The server's DS component and the workstation's backend connector, wired by Declarative Services and
 * Configuration Admin exactly as in the products, talking over real TLS on loopback.
 */
class ServerAndClientIntegrationTest {

    private static final Duration WAIT = OsgiServices.WAIT;

    private final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();

    @TempDir
    Path data;

    private ConfigurationAdmin configurationAdmin;
    private Configuration serverConfiguration;
    private Configuration clientConfiguration;

    @BeforeEach
    void configureServer() throws Exception {
        configurationAdmin = OsgiServices.waitForService(context, ConfigurationAdmin.class);
        serverConfiguration = configurationAdmin.getConfiguration("org.regdesk.server.http", "?");
        serverConfiguration.update(OsgiServices.properties("host", "127.0.0.1", "port", 0, "data.directory", data.toString()));
    }

    @AfterEach
    void removeConfigurations() throws Exception {
        if (clientConfiguration != null) {
            clientConfiguration.delete();
        }
        if (serverConfiguration != null) {
            serverConfiguration.delete();
        }
        // Config Admin deactivates components asynchronously: the next test must not meet this
        // test's server (whose @TempDir is about to go).
        OsgiServices.waitUntilTrue(() -> context.getServiceReference(ServerEndpoint.class) == null
                && context.getServiceReference(BackendStatusService.class) == null);
    }

    @Test
    void theServerComponentAnswersHealthOverTlsWithItsBundleVersion() throws Exception {
        ServerEndpoint endpoint = OsgiServices.waitForService(context, ServerEndpoint.class);
        assertEquals("https", endpoint.baseUri().getScheme());

        HttpResponse<String> response = pinnedClient(endpoint.developmentCertificate().orElseThrow())
                .send(HttpRequest.newBuilder(endpoint.baseUri().resolve("/health")).timeout(WAIT).build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"version\":\"" + serverBundle().getVersion() + "\""), response.body());
    }

    @Test
    void theWorkstationConnectorReportsConnectedAndPostsTheStatusEvent() throws Exception {
        ServerEndpoint endpoint = OsgiServices.waitForService(context, ServerEndpoint.class);
        List<BackendStatus> posted = new CopyOnWriteArrayList<>();
        ServiceRegistration<EventHandler> listener = context.registerService(EventHandler.class,
                event -> posted.add((BackendStatus) event.getProperty(BackendStatusService.EVENT_DATA)),
                OsgiServices.properties(EventConstants.EVENT_TOPIC, BackendStatusService.TOPIC_STATUS));
        try {
            configureClient(endpoint.baseUri(), endpoint.developmentCertificate().orElseThrow());
            BackendStatusService status = OsgiServices.waitForService(context, BackendStatusService.class);

            BackendStatus connected = waitUntil(status, BackendStatus::isConnected);
            assertEquals(serverBundle().getVersion().toString(), connected.serverVersion().orElseThrow());
            OsgiServices.waitUntilTrue(() -> posted.stream().anyMatch(BackendStatus::isConnected));
        } finally {
            listener.unregister();
        }
    }

    @Test
    void whenTheServerGoesAwayTheConnectorSaysUnreachableAndRecoversWhenItReturns() throws Exception {
        ServerEndpoint endpoint = OsgiServices.waitForService(context, ServerEndpoint.class);
        URI firstAddress = endpoint.baseUri();
        configureClient(firstAddress, endpoint.developmentCertificate().orElseThrow());
        BackendStatusService status = OsgiServices.waitForService(context, BackendStatusService.class);
        waitUntil(status, BackendStatus::isConnected);

        serverConfiguration.delete(); // the component deactivates and Jetty stops
        OsgiServices.waitUntilTrue(() -> context.getServiceReference(ServerEndpoint.class) == null);
        // SCR unregisters the endpoint before deactivate() stops Jetty: until the port closes, a check
        // can still reach the stopping server and read FAILING (503) instead of UNREACHABLE.
        OsgiServices.waitUntilTrue(() -> portClosed(firstAddress));
        status.checkNow();
        assertEquals(BackendStatus.State.UNREACHABLE,
                waitUntil(status, s -> s.state() == BackendStatus.State.UNREACHABLE).state());

        // Back on the same port: the connector recovers on its own.
        serverConfiguration = configurationAdmin.getConfiguration("org.regdesk.server.http", "?");
        serverConfiguration.update(OsgiServices.properties("host", "127.0.0.1", "port", firstAddress.getPort(), "data.directory",
                data.toString()));
        OsgiServices.waitForService(context, ServerEndpoint.class);
        status.checkNow();
        assertTrue(waitUntil(status, BackendStatus::isConnected).isConnected());
    }

    @Test
    void aChangedPortRestartsTheServerAndReRegistersItsEndpoint() throws Exception {
        URI before = OsgiServices.waitForService(context, ServerEndpoint.class).baseUri();
        serverConfiguration.update(OsgiServices.properties("host", "127.0.0.1", "port", 0, "data.directory", data.toString(),
                "tls.enabled", false));
        OsgiServices.waitUntilTrue(() -> {
            ServerEndpoint now = serviceOrNull(ServerEndpoint.class);
            return now != null && "http".equals(now.baseUri().getScheme());
        });
        ServerEndpoint after = OsgiServices.waitForService(context, ServerEndpoint.class);
        assertNotEquals(before, after.baseUri());
        assertTrue(after.developmentCertificate().isEmpty());

        serverConfiguration.delete();
        OsgiServices.waitUntilTrue(() -> serviceOrNull(ServerEndpoint.class) == null);
        assertNull(context.getServiceReference(ServerEndpoint.class));
        serverConfiguration = configurationAdmin.getConfiguration("org.regdesk.server.http", "?");
    }

    private static boolean portClosed(URI address) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address.getHost(), address.getPort()), 200);
            return false;
        } catch (java.io.IOException refused) {
            return true;
        }
    }

    private void configureClient(URI base, Path certificate) throws Exception {
        clientConfiguration = configurationAdmin.getConfiguration("org.regdesk.backend.client", "?");
        clientConfiguration.update(OsgiServices.properties("url", base.toString(), "trusted.certificate", certificate.toString(),
                "poll.interval.seconds", 1, "timeout.seconds", 2));
    }

    private Bundle serverBundle() {
        for (Bundle bundle : context.getBundles()) {
            if ("org.regdesk.server.http".equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("org.regdesk.server.http is not installed");
    }


    private <T> T serviceOrNull(Class<T> type) {
        var reference = context.getServiceReference(type);
        return reference == null ? null : context.getService(reference);
    }


    private static BackendStatus waitUntil(BackendStatusService service, Predicate<BackendStatus> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            BackendStatus current = service.current();
            if (condition.test(current)) {
                return current;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("Backend status never matched; last: " + service.current());
    }


    /** Trusts exactly the server's development certificate, as the workstation's connector does. */
    private static HttpClient pinnedClient(Path pem) throws Exception {
        return HttpClient.newBuilder().sslContext(PinnedTrust.sslContext(pem)).connectTimeout(WAIT).build();
    }
}

package org.regdesk.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.regdesk.backend.api.Purpose;
import org.regdesk.backend.api.RegistryConnector;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.client.internal.PinnedTrust;
import org.regdesk.server.http.ServerEndpoint;
import org.regdesk.server.registry.Registry;
import org.regdesk.server.store.DemoData;

/**
 * The registry as the server product wires it: Config Admin files for the Jetty component, the
 * registry (embedded H2, demo data) and the workstation's connector; the desk API, the portal and the
 * dev SMS outbox appear as route services and disappear with their component.
 */
class RegistryWiringIntegrationTest {

    private final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
    private Configuration server;
    private Configuration registry;
    private Configuration client;

    @TempDir
    Path data;

    @AfterEach
    void removeConfigurations() throws Exception {
        for (Configuration configuration : new Configuration[] { client, registry, server }) {
            if (configuration != null) {
                configuration.delete();
            }
        }
        OsgiServices.waitUntilTrue(() -> context.getServiceReference(ServerEndpoint.class) == null
                && context.getServiceReference(Registry.class) == null);
    }

    @Test
    void theRegistryServesTheDeskApiThePortalAndTheConnectorUsesItOverMutualTls() throws Exception {
        ConfigurationAdmin admin = OsgiServices.waitForService(context, ConfigurationAdmin.class);
        server = admin.getConfiguration("org.regdesk.server.http", "?");
        server.update(OsgiServices.properties("host", "127.0.0.1", "port", 0, "data.directory", data.toString(),
                "development.desks", "DESK-001"));
        registry = admin.getConfiguration("org.regdesk.server.registry", "?");
        registry.update(OsgiServices.properties("data.directory", data.toString(), "demo.data", true));
        ServerEndpoint endpoint = OsgiServices.waitForService(context, ServerEndpoint.class);
        Registry registryService = OsgiServices.waitForService(context, Registry.class);

        HttpClient browser = HttpClient.newBuilder().sslContext(PinnedTrust.sslContext(endpoint.developmentCertificate().orElseThrow()))
                .build();
        OsgiServices.waitUntilTrue(() -> status(browser, endpoint.baseUri().resolve("/portal")) == 200);

        client = admin.getConfiguration("org.regdesk.backend.client", "?");
        client.update(OsgiServices.properties("url", endpoint.baseUri().toString(), "trusted.certificate",
                endpoint.developmentCertificate().orElseThrow().toString(), "desk.keystore",
                data.resolve("desks/DESK-001.p12").toString(), "desk.keystore.password.file",
                data.resolve("desks/DESK-001.password").toString(), "poll.interval.seconds", 60));
        RegistryConnector connector = OsgiServices.waitForService(context, RegistryConnector.class);
        assertEquals("OPERATOR", connector.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray()).role());
        String code = registryService.issueCode(DemoData.AYSE, Purpose.PIN_UNBLOCK).orElseThrow().digits();
        DeskSession session = connector.openSession(new OpenSessionRequest("PIN_UNBLOCK", code, null, null));
        assertEquals(DemoData.DEMO_CARD, session.cards().get(0).serial());
        assertTrue(connector.sendOtp(session.sessionId()).sent());
        HttpResponse<String> outbox = browser.send(HttpRequest.newBuilder(endpoint.baseUri().resolve("/dev/sms-outbox")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(outbox.body().contains("+90 5** *** ** 67"), outbox.body());

        // without its configuration the registry component goes, and its routes with it
        registry.delete();
        registry = null;
        OsgiServices.waitUntilTrue(() -> status(browser, endpoint.baseUri().resolve("/portal")) == 404);
    }

    private static int status(HttpClient client, URI uri) {
        try {
            return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }



}

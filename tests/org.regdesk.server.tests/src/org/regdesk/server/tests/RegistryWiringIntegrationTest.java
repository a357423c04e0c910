package org.regdesk.server.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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
import org.regdesk.backend.api.PhoneNumber;
import org.regdesk.backend.api.RegistryConnector;
import org.regdesk.backend.api.RegistryException;
import org.regdesk.backend.api.v1.DeskSession;
import org.regdesk.backend.api.v1.OpenSessionRequest;
import org.regdesk.backend.api.v1.UnblockAuthorizationGrant;
import org.regdesk.backend.client.internal.PinnedTrust;
import org.regdesk.server.desk.DeskOperation;
import org.regdesk.server.http.ServerEndpoint;
import org.regdesk.server.keys.CardKeyService;
import org.regdesk.server.otp.SmsGateway;
import org.regdesk.server.registry.CitizenRegistry;
import org.regdesk.server.store.DemoData;

/**
 * The registry as the server product wires it: one Config Admin configuration per bundle (server,
 * database, registry core, card keys, SMS outbox, E-Onay trust) and the workstation's connector. Desk
 * operations arrive and leave with their bundles; a better-ranked SMS gateway or card key service
 * takes over without any change to the registry.
 */
class RegistryWiringIntegrationTest {

    private final BundleContext context = FrameworkUtil.getBundle(getClass()).getBundleContext();
    private final List<Configuration> configurations = new ArrayList<>();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private ServerEndpoint endpoint;
    private HttpClient browser;
    private RegistryConnector connector;

    @TempDir
    Path data;

    @BeforeEach
    void startTheServerAndTheRegistry() throws Exception {
        ConfigurationAdmin admin = OsgiServices.waitForService(context, ConfigurationAdmin.class);
        configure(admin, "org.regdesk.server.http", OsgiServices.properties("host", "127.0.0.1", "port", 0, "data.directory",
                data.toString(), "development.desks", "DESK-001"));
        configure(admin, "org.regdesk.server.store", OsgiServices.properties("data.directory", data.toString(), "demo.data", true));
        configure(admin, "org.regdesk.server.registry", OsgiServices.properties("data.directory", data.toString()));
        configure(admin, "org.regdesk.server.keys", OsgiServices.properties("data.directory", data.toString()));
        configure(admin, "org.regdesk.server.otp.outbox", OsgiServices.properties("show", true));
        configure(admin, "org.regdesk.server.eonay", new Hashtable<>());
        endpoint = OsgiServices.waitForService(context, ServerEndpoint.class);
        browser = HttpClient.newBuilder().sslContext(PinnedTrust.sslContext(endpoint.developmentCertificate().orElseThrow())).build();
        OsgiServices.waitUntilTrue(() -> status(browser, endpoint.baseUri().resolve("/portal")) == 200 && installed("PIN_UNBLOCK"));
        configure(admin, "org.regdesk.backend.client", OsgiServices.properties("url", endpoint.baseUri().toString(),
                "trusted.certificate", endpoint.developmentCertificate().orElseThrow().toString(), "desk.keystore",
                data.resolve("desks/DESK-001.p12").toString(), "desk.keystore.password.file",
                data.resolve("desks/DESK-001.password").toString(), "poll.interval.seconds", 60));
        connector = OsgiServices.waitForService(context, RegistryConnector.class);
        connector.signIn("operator1", DemoData.OPERATOR_PASSWORD.toCharArray());
    }

    @AfterEach
    void removeConfigurations() throws Exception {
        registrations.forEach(ServiceRegistration::unregister);
        for (Configuration configuration : configurations.reversed()) {
            configuration.delete();
        }
        OsgiServices.waitUntilTrue(() -> context.getServiceReference(ServerEndpoint.class) == null
                && context.getServiceReference(CitizenRegistry.class) == null);
    }

    @Test
    void theRegistryServesTheDeskApiThePortalAndTheConnectorUsesItOverMutualTls() throws Exception {
        DeskSession session = connector.openSession(new OpenSessionRequest("PIN_UNBLOCK", code("PIN_UNBLOCK"), null, null));
        assertEquals(DemoData.DEMO_CARD, session.cards().get(0).serial());
        assertTrue(connector.sendOtp(session.sessionId()).sent());
        HttpResponse<String> outbox = browser.send(HttpRequest.newBuilder(endpoint.baseUri().resolve("/dev/sms-outbox")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(outbox.body().contains("+90 5** *** ** 67"), outbox.body());

        // without its configuration the registry core goes, and its routes and the portal with it
        Configuration core = configurations.stream().filter(c -> c.getPid().equals("org.regdesk.server.registry")).findFirst()
                .orElseThrow();
        configurations.remove(core);
        core.delete();
        OsgiServices.waitUntilTrue(() -> status(browser, endpoint.baseUri().resolve("/portal")) == 404);
    }

    @Test
    void thePortalSignsInAtTheOpenIdProviderItsConfigurationNamesAndSaysWhenItIsDown() throws Exception {
        Path secret = data.resolve("oidc.secret");
        org.regdesk.server.keys.PrivateFiles.write(secret, "client-secret");
        configure(OsgiServices.waitForService(context, ConfigurationAdmin.class), "org.regdesk.server.portal.oidc",
                OsgiServices.properties("issuer", "http://127.0.0.1:9", "client.id", "regdesk-portal", "client.secret.file",
                        secret.toString(), "display.name", "OIDC ile giriş"));
        configure(OsgiServices.waitForService(context, ConfigurationAdmin.class), "org.regdesk.server.portal",
                OsgiServices.properties("identity.provider", "oidc"));
        OsgiServices.waitUntilTrue(() -> get(browser, endpoint.baseUri().resolve("/portal"))
                .filter(page -> page.body().contains("id=\"sign-in-provider\"")).isPresent());
        // nothing listens on port 9 (discard): the citizen is told the provider cannot be reached, not a stack trace
        HttpResponse<String> start = get(browser, endpoint.baseUri().resolve("/portal/sign-in/provider")).orElseThrow();
        assertEquals(503, start.statusCode());
        assertTrue(start.body().contains("Kimlik sağlayıcıya şu anda ulaşılamıyor"), start.body());
    }

    @Test
    void aDeskOperationArrivesAndLeavesWithItsBundle() throws Exception {
        Bundle unblock = bundle("org.regdesk.server.unblock");
        String code = code("PIN_UNBLOCK");
        unblock.stop();
        try {
            OsgiServices.waitUntilTrue(() -> !installed("PIN_UNBLOCK"));
            RegistryException refused = assertThrows(RegistryException.class,
                    () -> connector.openSession(new OpenSessionRequest("PIN_UNBLOCK", code, null, null)));
            assertEquals("OPERATION_UNKNOWN", refused.code());
            assertEquals("PIN_UNBLOCK", refused.params().get("operation"));
            assertEquals(404, status(browser, endpoint.baseUri().resolve("/api/v1/desk-sessions/x/unblock-authorization")),
                    "the operation's routes went with it");
        } finally {
            unblock.start();
        }
        OsgiServices.waitUntilTrue(() -> installed("PIN_UNBLOCK"));
        assertEquals("PIN_UNBLOCK", connector.openSession(new OpenSessionRequest("PIN_UNBLOCK", code, null, null)).purpose(),
                "the code the citizen already has works once the operation is back");
    }

    @Test
    void aBetterRankedSmsGatewayAndCardKeyServiceTakeOver() throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>();
        register(SmsGateway.class, (PhoneNumber to, String text) -> sent.add(text), 1000);
        byte[] hsmCryptogram = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        register(CardKeyService.class, new CardKeyService() {
            @Override
            public byte[] unblockCryptogram(byte[] cardSerial, byte[] challenge) {
                return hsmCryptogram.clone();
            }

            @Override
            public String seal(String cardSerial, byte[] secret) {
                throw new UnsupportedOperationException("not used by reference cards");
            }

            @Override
            public byte[] open(String cardSerial, String sealed) {
                throw new UnsupportedOperationException("not used by reference cards");
            }
        }, 1000);

        DeskSession session = connector.openSession(new OpenSessionRequest("PIN_UNBLOCK", code("PIN_UNBLOCK"), null, null));
        connector.sendOtp(session.sessionId());
        assertEquals(1, sent.size(), "the SMS went through the better-ranked gateway, not the outbox");
        java.util.regex.Matcher digits = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(sent.get(0));
        assertTrue(digits.find(), sent.get(0));
        connector.verifyOtp(session.sessionId(), digits.group(1));
        OsgiServices.waitUntilTrue(() -> installed("PIN_UNBLOCK"));
        UnblockAuthorizationGrant grant = authorize(session.sessionId());
        assertArrayEquals(hsmCryptogram, HexFormat.of().parseHex(grant.cryptogram()), "the better-ranked key service answered");
    }

    /** The unblock routes re-bind to the new key service (greedy): retry while they come back. */
    private UnblockAuthorizationGrant authorize(String sessionId) throws Exception {
        long deadline = System.nanoTime() + OsgiServices.WAIT.toNanos();
        while (true) {
            try {
                return connector.authorizeUnblock(sessionId, DemoData.DEMO_CARD,
                        HexFormat.of().parseHex("0123456789abcdef0123456789abcdef"));
            } catch (RegistryException notYet) {
                if (!"NOT_FOUND".equals(notYet.code()) || System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(50);
            }
        }
    }

    private String code(String operation) throws InterruptedException {
        return OsgiServices.waitForService(context, CitizenRegistry.class).issueCode(DemoData.AYSE, operation).orElseThrow().digits();
    }

    private <T> void register(Class<T> type, T service, int ranking) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("service.ranking", ranking);
        registrations.add(context.registerService(type, service, properties));
    }

    private void configure(ConfigurationAdmin admin, String pid, Hashtable<String, Object> properties) throws Exception {
        Configuration configuration = admin.getConfiguration(pid, "?");
        configuration.update(properties);
        configurations.add(configuration);
    }

    private boolean installed(String operation) {
        try {
            return context.getServiceReferences(DeskOperation.class, "(" + DeskOperation.ID_PROPERTY + "=" + operation + ")")
                    .size() == 1;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName().equals(symbolicName)) {
                return bundle;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    private static int status(HttpClient client, URI uri) {
        return get(client, uri).map(HttpResponse::statusCode).orElse(-1);
    }

    private static java.util.Optional<HttpResponse<String>> get(HttpClient client, URI uri) {
        try {
            return java.util.Optional.of(client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }
}

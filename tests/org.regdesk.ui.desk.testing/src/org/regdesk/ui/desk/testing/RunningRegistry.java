package org.regdesk.ui.desk.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.regdesk.backend.api.RegistryConnector;
import org.regdesk.backend.api.applications.ApplicationsConnector;
import org.regdesk.backend.api.eonay.EOnayConnector;
import org.regdesk.backend.api.session.DeskSessions;
import org.regdesk.backend.api.unblock.UnblockConnector;
import org.regdesk.backend.client.internal.HttpRegistryConnector;
import org.regdesk.backend.client.internal.PinnedTrust;
import org.regdesk.server.http.ServerEndpoint;

/**
 * A real regdesk-server (demo registry, embedded H2) started in the workstation's framework from Config
 * Admin, and this desk connected to it over mutual TLS with the workstation's own connector class.
 */
public final class RunningRegistry implements AutoCloseable {

    public final RegistryConnector connector;
    private final java.net.http.HttpClient browser;
    private final java.net.http.HttpClient desk;
    private final java.net.URI base;
    private final java.net.URI outbox;
    private final BundleContext context;
    private final Path data;
    /** The reference CA's issuance folder in the data folder. */
    private static final String ISSUED = "ca-issued";
    private Configuration server;
    /** The registry's bundles, each with its own configuration: database, core, card keys, SMS outbox, E-Onay trust. */
    private final java.util.List<Configuration> registry = new java.util.ArrayList<>();
    private final ServiceRegistration<?> registration;
    private int port;
    private Hashtable<String, Object> stoppedServer;

    public RunningRegistry(BundleContext context, Display display) throws Exception {
        this(context, display, Files.createTempDirectory("regdesk-ui-registry"));
    }

    /**
     * With the card master key and the test CA the demo reference cards are made with: real card writes
     * work, the reference CA holds the test CA's key (live CRL and OCSP on this server), and E-Onay asks
     * this server's responder. Cards inserted with {@link #issuedFolder()} are known to the CA.
     */
    public static RunningRegistry withDemoCardKey(BundleContext context, Display display) throws Exception {
        Path data = Files.createTempDirectory("regdesk-ui-registry");
        Path keystore = CardTooling.demoMasterKey(data, "demo-master");
        Path[] trust = CardTooling.demoTrust(data);
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort(); // fixed before the start: the revocation settings name it
        }
        String base = "https://localhost:" + port;
        java.util.Map<String, Hashtable<String, Object>> pids = new java.util.LinkedHashMap<>();
        pids.put("org.regdesk.server.keys", properties("card.master.keystore.path", keystore.toString(),
                "card.master.keystore.password", "demo-master"));
        pids.put("org.regdesk.server.eonay", properties("trust.anchors", trust[0].toString()));
        pids.put("org.regdesk.server.ca.reference", properties("keystore", trust[1].toString(), "keystore.password.file",
                trust[2].toString(), "issued.directory", data.resolve(ISSUED).toString()));
        pids.put("org.regdesk.server.revocation", properties("ocsp.url", base + "/ocsp", "crl.urls", base
                + "/crl/regdesk-test-ca.crl", "tls.trust", data.resolve("tls/server.crt").toString()));
        return new RunningRegistry(context, display, data, port, pids);
    }

    /** Where a card's certificate is handed to the reference CA ({@link CardTooling#insert(int, String, String, String, Path)}). */
    public Path issuedFolder() {
        return data.resolve(ISSUED);
    }

    private RunningRegistry(BundleContext context, Display display, Path data) throws Exception {
        this(context, display, data, 0, new java.util.LinkedHashMap<>());
    }

    private RunningRegistry(BundleContext context, Display display, Path data, int serverPort,
            java.util.Map<String, Hashtable<String, Object>> settings) throws Exception {
        this.context = context;
        this.data = data;
        ConfigurationAdmin admin = context.getService(context.getServiceReference(ConfigurationAdmin.class));
        server = admin.getConfiguration("org.regdesk.server.http", "?");
        server.update(properties("host", "127.0.0.1", "port", serverPort, "data.directory", data.toString(),
                "development.desks", "DESK-001"));
        Hashtable<String, Object> keys = settings.getOrDefault("org.regdesk.server.keys", new Hashtable<>());
        keys.put("data.directory", data.toString());
        configure(admin, "org.regdesk.server.store", properties("data.directory", data.toString(), "demo.data", true));
        configure(admin, "org.regdesk.server.registry", properties("data.directory", data.toString()));
        configure(admin, "org.regdesk.server.keys", keys);
        configure(admin, "org.regdesk.server.otp.outbox", properties("show", true));
        configure(admin, "org.regdesk.server.eonay", settings.getOrDefault("org.regdesk.server.eonay", new Hashtable<>()));
        for (String pid : List.of("org.regdesk.server.ca.reference", "org.regdesk.server.revocation")) {
            if (settings.containsKey(pid)) {
                configure(admin, pid, settings.get(pid));
            }
        }
        waitUntil(display, "the server, the registry and the PIN operation", () -> context.getServiceReference(ServerEndpoint.class) != null
                && context.getServiceReference("org.regdesk.server.desk.DeskSessionService") != null
                && operationInstalled("PIN_UNBLOCK"));
        ServerEndpoint endpoint = context.getService(context.getServiceReference(ServerEndpoint.class));
        port = endpoint.baseUri().getPort();
        connector = new HttpRegistryConnector(endpoint.baseUri(), PinnedTrust.sslContext(
                endpoint.developmentCertificate().orElseThrow(), data.resolve("desks/DESK-001.p12"),
                data.resolve("desks/DESK-001.password")), Duration.ofSeconds(20));
        // as the workstation's connector component does: the whole connector and each of its roles
        registration = context.registerService(new String[] { RegistryConnector.class.getName(), DeskSessions.class.getName(),
                UnblockConnector.class.getName(), EOnayConnector.class.getName(), ApplicationsConnector.class.getName(),
                org.regdesk.backend.api.desk.DeskApi.class.getName() },
                connector, null);
        base = endpoint.baseUri();
        desk = java.net.http.HttpClient.newBuilder().sslContext(PinnedTrust.sslContext(endpoint.developmentCertificate().orElseThrow(),
                data.resolve("desks/DESK-001.p12"), data.resolve("desks/DESK-001.password"))).build();
        browser = java.net.http.HttpClient.newBuilder()
                .sslContext(PinnedTrust.sslContext(endpoint.developmentCertificate().orElseThrow())).build();
        outbox = endpoint.baseUri().resolve("/dev/sms-outbox");
        java.net.URI portal = endpoint.baseUri().resolve("/portal");
        waitUntil(display, "the portal's routes", () -> {
            try {
                return browser.send(java.net.http.HttpRequest.newBuilder(portal).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private void configure(ConfigurationAdmin admin, String pid, Hashtable<String, Object> properties) throws Exception {
        Configuration configuration = admin.getConfiguration(pid, "?");
        configuration.update(properties);
        registry.add(configuration);
    }

    private boolean operationInstalled(String id) {
        try {
            return context.getServiceReferences("org.regdesk.server.desk.DeskOperation", "(regdesk.operation=" + id + ")") != null;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A verification code the citizen got on the portal for a desk operation (e.g. PIN_UNBLOCK). */
    public String verificationCode(org.regdesk.backend.api.Tckn citizen, String operation) {
        return citizens().issueCode(citizen, operation).orElseThrow().digits();
    }

    /** The registry as the portal sees it. */
    public org.regdesk.server.registry.CitizenRegistry citizens() {
        return context.getService(context.getServiceReference(org.regdesk.server.registry.CitizenRegistry.class));
    }

    /** GET {@code path} on the server as desk DESK-001 (its certificate, mutual TLS) or as anyone; status and body. */
    public java.net.http.HttpResponse<String> get(String path, boolean asDesk) throws Exception {
        return (asDesk ? desk : browser).send(java.net.http.HttpRequest.newBuilder(base.resolve(path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** GET {@code path} as anyone (e.g. the published CRL), the body as it came: status 200 or an AssertionError. */
    public byte[] download(String path) throws Exception {
        java.net.http.HttpResponse<byte[]> response = browser.send(java.net.http.HttpRequest.newBuilder(base.resolve(path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + ": " + response.statusCode());
        }
        return response.body();
    }

    /** The 6 digits of the newest SMS, from the demo outbox page (what the citizen's phone would show). */
    public String lastSmsCode() throws Exception {
        String body = browser.send(java.net.http.HttpRequest.newBuilder(outbox).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        java.util.regex.Matcher digits = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(body);
        if (!digits.find()) {
            throw new AssertionError("no SMS in the outbox: " + body);
        }
        return digits.group(1);
    }

    /** Stops the server (the registry and its database stay): the desk sees it unreachable. */
    public void stopServer(Display display) throws Exception {
        Hashtable<String, Object> running = copy(server.getProperties());
        server.delete();
        stoppedServer = running;
        waitUntil(display, "the server to stop", () -> context.getServiceReference(ServerEndpoint.class) == null);
        // the service goes before Jetty has closed its port
        waitUntil(display, "the port to close", () -> {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", port)) {
                return false;
            } catch (java.io.IOException refused) {
                return true;
            }
        });
    }

    /** Starts it again on the same port, with the same certificates. */
    public void startServer(Display display) throws Exception {
        ConfigurationAdmin admin = context.getService(context.getServiceReference(ConfigurationAdmin.class));
        server = admin.getConfiguration("org.regdesk.server.http", "?");
        stoppedServer.put("port", port);
        server.update(stoppedServer);
        waitUntil(display, "the server to start again", () -> context.getServiceReference(ServerEndpoint.class) != null);
    }

    /** Enrols a card's certificate for an operator account, as the CA's staff would (issue #17: operators sign in with their card). */
    public void enrolOperatorCard(String username, java.security.cert.X509Certificate certificate) {
        org.regdesk.server.store.Database database = context.getService(
                context.getServiceReference(org.regdesk.server.store.Database.class));
        new org.regdesk.server.store.OperatorCards(database).enrol(username, certificate, java.time.Instant.now());
    }

    /** Fault injection by hand: every open desk session's time runs out now. */
    public void expireOpenSessions() {
        org.regdesk.server.store.Database database = context.getService(
                context.getServiceReference(org.regdesk.server.store.Database.class));
        database.transaction(connection -> {
            try (java.sql.PreparedStatement update = connection.prepareStatement(
                    "UPDATE desk_sessions SET expires_at = ? WHERE state IN ('OPEN', 'OTP_VERIFIED')")) {
                update.setObject(1, java.time.OffsetDateTime.now().minusSeconds(1));
                return update.executeUpdate();
            }
        });
    }

    /** Every audit record so far as JSON lines, exported through the desk API by the demo auditor. */
    public String auditLog() throws Exception {
        java.net.http.HttpResponse<String> signedIn = desk.send(java.net.http.HttpRequest.newBuilder(
                base.resolve("/api/v1/operators/sign-in")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"auditor1\",\"password\":\""
                        + org.regdesk.server.store.DemoData.OPERATOR_PASSWORD + "\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(signedIn.body());
        if (!token.find()) {
            throw new AssertionError("the auditor could not sign in: " + signedIn.body());
        }
        return desk.send(java.net.http.HttpRequest.newBuilder(base.resolve("/api/v1/audit/export"))
                .header("Authorization", "Bearer " + token.group(1)).build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static Hashtable<String, Object> copy(java.util.Dictionary<String, Object> dictionary) {
        Hashtable<String, Object> table = new Hashtable<>();
        for (java.util.Enumeration<String> keys = dictionary.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            table.put(key, dictionary.get(key));
        }
        table.remove("service.pid");
        return table;
    }

    /** Keeps the event loop running for {@code millis}. */
    public static void pump(Display display, long millis) {
        long end = System.currentTimeMillis() + millis;
        waitUntil(display, "time to pass", () -> System.currentTimeMillis() >= end);
    }

    @Override
    public void close() throws Exception {
        registration.unregister();
        for (Configuration configuration : registry) {
            configuration.delete();
        }
        server.delete();
        waitUntil(Display.getCurrent(), "the server to stop", () -> context.getServiceReference(ServerEndpoint.class) == null);
    }

    private static Hashtable<String, Object> properties(Object... keysAndValues) {
        Hashtable<String, Object> table = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            table.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return table;
    }

    /** Keeps the event loop running (never Display.sleep) until the condition holds, for at most 30 s. */
    public static void waitUntil(Display display, String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(what + " (waited 30 s)");
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}

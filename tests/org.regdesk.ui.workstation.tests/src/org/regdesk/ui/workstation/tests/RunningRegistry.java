package org.regdesk.ui.workstation.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.regdesk.backend.api.RegistryConnector;
import org.regdesk.backend.client.internal.HttpRegistryConnector;
import org.regdesk.backend.client.internal.PinnedTrust;
import org.regdesk.server.http.ServerEndpoint;

/**
 * A real regdesk-server (demo registry, embedded H2) started in the workstation's framework from Config
 * Admin, and this desk connected to it over mutual TLS with the workstation's own connector class.
 */
final class RunningRegistry implements AutoCloseable {

    final HttpRegistryConnector connector;
    private final BundleContext context;
    private final Configuration server;
    private final Configuration registry;
    private final ServiceRegistration<RegistryConnector> registration;

    RunningRegistry(BundleContext context, Display display) throws Exception {
        this.context = context;
        Path data = Files.createTempDirectory("regdesk-ui-registry");
        ConfigurationAdmin admin = context.getService(context.getServiceReference(ConfigurationAdmin.class));
        server = admin.getConfiguration("org.regdesk.server.http", "?");
        server.update(properties("host", "127.0.0.1", "port", 0, "data.directory", data.toString(),
                "development.desks", "DESK-001"));
        registry = admin.getConfiguration("org.regdesk.server.registry", "?");
        registry.update(properties("data.directory", data.toString(), "demo.data", true));
        waitUntil(display, "the server and the registry", () -> context.getServiceReference(ServerEndpoint.class) != null
                && context.getServiceReference("org.regdesk.server.registry.Registry") != null);
        ServerEndpoint endpoint = context.getService(context.getServiceReference(ServerEndpoint.class));
        connector = new HttpRegistryConnector(endpoint.baseUri(), PinnedTrust.sslContext(
                endpoint.developmentCertificate().orElseThrow(), data.resolve("desks/DESK-001.p12"),
                data.resolve("desks/DESK-001.password")), Duration.ofSeconds(20));
        registration = context.registerService(RegistryConnector.class, connector, null);
    }

    @Override
    public void close() throws Exception {
        registration.unregister();
        registry.delete();
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
    static void waitUntil(Display display, String what, BooleanSupplier condition) {
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

package org.regdesk.server.shutdown.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the OSGi framework when the JVM is asked to end (SIGTERM from systemd or {@code kill}, Ctrl+C),
 * so every component deactivates in order: Jetty finishes its requests and closes its port, and the
 * stores that come later flush and close. Equinox itself registers no such hook.
 */
@Component(immediate = true)
public final class GracefulShutdownComponent {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdownComponent.class);
    private static final long STOP_TIMEOUT_MILLIS = 30_000;

    private final Framework framework;
    private final Thread hook;

    @Activate
    public GracefulShutdownComponent(BundleContext context) {
        this.framework = context.getBundle(0).adapt(Framework.class);
        this.hook = new Thread(this::stopFramework, "regdesk-graceful-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Deactivate
    void deactivate() {
        if (Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownAlreadyRunning) {
            // The JVM is already ending; the hook runs or has run.
        }
    }

    private void stopFramework() {
        LOG.info("Shutdown requested; stopping all components");
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT_MILLIS);
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.error("Components did not stop within {} s", STOP_TIMEOUT_MILLIS / 1000);
            }
        } catch (BundleException e) {
            LOG.error("Framework did not stop cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.regdesk.server.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/** What the OSGi integration tests share: configuration dictionaries and waiting for services. */
final class OsgiServices {

    static final Duration WAIT = Duration.ofSeconds(30);

    private OsgiServices() {
    }

    static Hashtable<String, Object> properties(Object... keysAndValues) {
        Hashtable<String, Object> table = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            table.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return table;
    }

    static <T> T waitForService(BundleContext context, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            assertNotNull(tracker.waitForService(WAIT.toMillis()), type.getSimpleName() + " did not appear within " + WAIT);
            // Our own use count: service factories (Config Admin) invalidate the tracker's copy on close.
            return context.getService(tracker.getServiceReference());
        } finally {
            tracker.close();
        }
    }

    static void waitUntilTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}

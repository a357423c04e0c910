package org.regdesk.card.registry.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.regdesk.card.api.CardDriver;
import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardReaderProvider;
import org.regdesk.card.api.CardService;
import org.regdesk.card.api.CardSession;
import org.regdesk.card.api.CardView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's {@link CardService}: scans the reader providers every second on its own thread, reads
 * new cards with the best driver, and announces every change. Drivers and providers are dynamic and
 * greedy, so a driver installed or removed in the field takes effect at the next scan. Sessions are
 * counted ({@link CardUse}) so a driver update can wait until no card is in use.
 */
@Component(immediate = true)
public final class CardRegistryComponent implements CardService {

    private static final Logger LOG = LoggerFactory.getLogger(CardRegistryComponent.class);
    private static final long SCAN_INTERVAL_MILLIS = 1000;

    private final CardRegistry registry = new CardRegistry();
    private final CardUse use = new CardUse();
    private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "regdesk-card-scanner");
        thread.setDaemon(true);
        return thread;
    });
    private volatile EventAdmin eventAdmin;

    @Activate
    void activate() {
        scanner.scheduleWithFixedDelay(this::scan, 0, SCAN_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        scanner.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDriver(CardDriver driver) {
        registry.addDriver(driver);
        rescanSoon();
    }

    void removeDriver(CardDriver driver) {
        registry.removeDriver(driver);
        rescanSoon();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(CardReaderProvider provider) {
        registry.addProvider(provider);
        rescanSoon();
    }

    void removeProvider(CardReaderProvider provider) {
        registry.removeProvider(provider);
        rescanSoon();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindEventAdmin(EventAdmin events) {
        eventAdmin = events;
        publish(registry.views());
    }

    void unbindEventAdmin(EventAdmin events) {
        if (eventAdmin == events) {
            eventAdmin = null;
        }
    }

    @Override
    public List<CardView> readers() {
        return registry.views();
    }

    @Override
    public CardSession open(String serialNumber) throws CardException {
        use.begin();
        try {
            return new TrackedSession(registry.open(serialNumber), use);
        } catch (CardException | RuntimeException e) {
            use.end();
            throw e;
        }
    }

    @Override
    public <T> T whileCardsIdle(Duration wait, Callable<T> work) throws Exception {
        return use.exclusively(wait, work);
    }

    private void rescanSoon() {
        if (!scanner.isShutdown()) {
            scanner.execute(this::scan);
        }
    }

    private void scan() {
        if (!use.tryBegin()) {
            return; // drivers are being changed: the scan after the change reads the cards again
        }
        try {
            if (registry.refresh()) {
                publish(registry.views());
            }
        } catch (RuntimeException e) {
            LOG.error("Card scan failed", e); // keep scanning: a faulty driver must not stop the desk
        } finally {
            use.end();
        }
    }

    private void publish(List<CardView> views) {
        EventAdmin events = eventAdmin;
        if (events != null) {
            events.postEvent(new Event(TOPIC_CHANGED, Map.of(EVENT_DATA, views)));
        }
    }
}

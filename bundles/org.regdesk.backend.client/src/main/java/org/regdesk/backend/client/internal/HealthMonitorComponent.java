package org.regdesk.backend.client.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.regdesk.backend.api.BackendStatus;
import org.regdesk.backend.api.BackendStatusService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the backend's health on a daemon thread at a fixed interval and announces every change of
 * state. A new configuration replaces the component (no {@code @Modified}), which is simplest and
 * cheap: the first check of the new instance runs at once.
 */
@Component(configurationPid = BackendConnectionConfiguration.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BackendConnectionConfiguration.class)
public final class HealthMonitorComponent implements BackendStatusService {

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitorComponent.class);

    private final HealthCheck check;
    private final ScheduledExecutorService scheduler;
    private volatile BackendStatus current;

    private volatile EventAdmin eventAdmin;

    @Activate
    public HealthMonitorComponent(BackendConnectionConfiguration configuration) {
        URI base = URI.create(configuration.url().trim());
        String pin = configuration.trusted_certificate().trim();
        Duration timeout = Duration.ofSeconds(Math.max(1, configuration.timeout_seconds()));
        this.check = new HealthCheck(base, pin.isEmpty() ? Optional.empty() : Optional.of(Path.of(pin)), timeout,
                Clock.systemUTC());
        this.current = new BackendStatus(BackendStatus.State.CHECKING, base, Optional.empty(), Clock.systemUTC().instant(),
                Optional.empty());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "regdesk-backend-health");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1, configuration.poll_interval_seconds());
        scheduler.scheduleWithFixedDelay(this::runCheck, 0, interval, TimeUnit.SECONDS);
        LOG.info("Watching backend {} every {} s{}", base, interval, pin.isEmpty() ? "" : " (pinned certificate " + pin + ")");
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    /** Event Admin may arrive after the first check: announce the status we already have. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindEventAdmin(EventAdmin events) {
        eventAdmin = events;
        publish(current);
    }

    void unbindEventAdmin(EventAdmin events) {
        if (eventAdmin == events) {
            eventAdmin = null;
        }
    }

    private void publish(BackendStatus status) {
        EventAdmin events = eventAdmin;
        if (events != null && status.state() != BackendStatus.State.CHECKING) {
            events.postEvent(new Event(TOPIC_STATUS, Map.of(EVENT_DATA, status)));
        }
    }

    @Override
    public BackendStatus current() {
        return current;
    }

    @Override
    public void checkNow() {
        if (!scheduler.isShutdown()) {
            scheduler.execute(this::runCheck);
        }
    }

    private void runCheck() {
        BackendStatus previous = current;
        BackendStatus next = check.run();
        current = next;
        if (next.state() != previous.state()) {
            if (next.isConnected()) {
                LOG.info("Backend {} connected (version {})", next.address(), next.serverVersion().orElse("?"));
            } else {
                LOG.warn("Backend {} is {}: {}", next.address(), next.state(), next.detail().orElse(""));
            }
        }
        publish(next);
    }
}

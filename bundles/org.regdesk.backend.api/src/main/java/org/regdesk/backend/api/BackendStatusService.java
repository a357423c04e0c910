package org.regdesk.backend.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Watches the backend connection. Every change of {@link BackendStatus#state()} is also posted on
 * the event topic {@link #TOPIC_STATUS} with the status under the event property {@link #EVENT_DATA},
 * which e4 parts receive with {@code @UIEventTopic}.
 */
@ProviderType
public interface BackendStatusService {

    String TOPIC_STATUS = "org/regdesk/backend/status";

    /** The event property e4's {@code IEventBroker} uses for the payload. */
    String EVENT_DATA = "org.eclipse.e4.data";

    BackendStatus current();

    /** Asks for a check now instead of at the next interval, e.g. when the operator clicks the status. */
    void checkNow();
}

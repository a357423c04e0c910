package org.regdesk.server.codes.internal;

import java.time.Duration;

/**
 * Makes named rate limits. On the database every node of a cluster counts in the same window; in
 * memory (unit tests, tools) each process counts alone.
 */
@FunctionalInterface
public interface AttemptWindows {

    /** {@code scope} names the limit (e.g. {@code operator-sign-in-desk}); keys are counted apart per scope. */
    AttemptWindow window(String scope, Duration window, int limit);

    AttemptWindows IN_MEMORY = (scope, window, limit) -> new InMemoryAttemptWindow(window, limit);
}

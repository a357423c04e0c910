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

    /**
     * As {@link #window}, with a growing pause: the n-th attempt of a window (0-based) is allowed only
     * {@code pauses.get(n)} after the window's first attempt, e.g. 0, 0, 0, 4 s, 16 s: a typo costs
     * nothing, guessing soon costs time. Stores without pauses ignore them.
     */
    default AttemptWindow windowWithPauses(String scope, Duration window, java.util.List<Duration> pauses) {
        return window(scope, window, pauses.size());
    }

    AttemptWindows IN_MEMORY = (scope, window, limit) -> new InMemoryAttemptWindow(window, limit);
}

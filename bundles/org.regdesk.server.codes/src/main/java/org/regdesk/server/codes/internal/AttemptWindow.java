package org.regdesk.server.codes.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * A rate limit: at most {@code limit} attempts per key (a desk, an account, a phone) in a time window.
 * The attempt is taken <em>before</em> the slow check it guards (a password hash, a code lookup), so
 * parallel requests cannot all slip through the gap between "is the limit reached?" and "record the
 * failure"; a check that succeeds, or was never made, hands it back.
 */
public interface AttemptWindow {

    /** One attempt taken by {@link #reserve}; {@code window} tells which window it was counted in. */
    record Attempt(String key, Instant window) {
    }

    /** Takes one of the key's attempts; empty when the limit is used up. */
    Optional<Attempt> reserve(String key, Instant now);

    /** Gives back an attempt {@link #reserve} took (nothing if its window has passed), at once. */
    void release(Attempt attempt);

    /**
     * Gives back an attempt with the transaction now open on this thread, when the check succeeded and that transaction
     * records the success: no commit of its own, and if the transaction rolls back the attempt stays counted.
     */
    default void releaseOnCommit(Attempt attempt) {
        release(attempt);
    }

    /**
     * How long the key must wait before {@link #reserve} may succeed again, if it must: for a message
     * such as "try again in 40 seconds". Empty when an attempt is free now.
     */
    default Optional<java.time.Duration> waitFor(String key, Instant now) {
        return Optional.empty();
    }

    /** Counts an event that is never given back (e.g. a code issued); false, and nothing counted, at the limit. */
    default boolean tryRecord(String key, Instant now) {
        return reserve(key, now).isPresent();
    }
}

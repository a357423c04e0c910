package org.regdesk.server.codes.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key (a desk, a citizen) over a sliding time window, for rate limits. In memory: a
 * restart forgets the counts, which only ever makes the server more lenient for one window.
 */
public final class AttemptWindow {

    private final Duration window;
    private final int limit;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    public AttemptWindow(Duration window, int limit) {
        this.window = window;
        this.limit = limit;
    }

    /** One attempt taken by {@link #reserve}; {@link #release} gives it back. */
    public record Attempt(String key, Instant at) {
    }

    /**
     * Takes one of the key's attempts <em>before</em> a slow check (a password hash, a code lookup), so that
     * parallel requests cannot all slip through the gap between "is the limit reached?" and "record the
     * failure"; empty when the limit is used up. A check that succeeds (or was never made, e.g. malformed
     * input) hands the attempt back with {@link #release}; a failed one keeps it.
     */
    public java.util.Optional<Attempt> reserve(String key, Instant now) {
        return tryRecord(key, now) ? java.util.Optional.of(new Attempt(key, now)) : java.util.Optional.empty();
    }

    /** Gives back an attempt {@link #reserve} took. */
    public void release(Attempt attempt) {
        Deque<Instant> times = events.get(attempt.key());
        if (times != null) {
            synchronized (times) {
                times.removeLastOccurrence(attempt.at());
            }
        }
    }

    /** Records the event if the limit allows it; false (and nothing recorded) otherwise. */
    public boolean tryRecord(String key, Instant now) {
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
            times.pollFirst();
        }
    }
}

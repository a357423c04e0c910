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

    /** True when the key has used up its limit within the window ending now. */
    public boolean exhausted(String key, Instant now) {
        return count(key, now) >= limit;
    }

    public void record(String key, Instant now) {
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
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

    private int count(String key, Instant now) {
        Deque<Instant> times = events.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now);
            return times.size();
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
            times.pollFirst();
        }
    }
}

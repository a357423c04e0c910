package org.regdesk.server.codes.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A sliding window per key in this process's memory: a restart forgets the counts. */
final class InMemoryAttemptWindow implements AttemptWindow {

    private final Duration window;
    private final int limit;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    InMemoryAttemptWindow(Duration window, int limit) {
        this.window = window;
        this.limit = limit;
    }

    @Override
    public Optional<Attempt> reserve(String key, Instant now) {
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(window))) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return Optional.empty();
            }
            times.addLast(now);
            return Optional.of(new Attempt(key, now));
        }
    }

    @Override
    public void release(Attempt attempt) {
        Deque<Instant> times = events.get(attempt.key());
        if (times != null) {
            synchronized (times) {
                times.removeLastOccurrence(attempt.window());
            }
        }
    }
}

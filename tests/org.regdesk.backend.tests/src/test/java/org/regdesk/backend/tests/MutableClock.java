package org.regdesk.backend.tests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The registry's clock in tests: real time (or a fixed instant) plus whatever the test moved it forward. */
final class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    /** Null: real time; otherwise the clock stands at this instant until moved. */
    private final Instant stoppedAt;

    MutableClock() {
        this(null);
    }

    private MutableClock(Instant stoppedAt) {
        this.stoppedAt = stoppedAt;
    }

    /** A clock that moves only when the test moves it, for exact expectations. */
    static MutableClock stoppedAt(Instant at) {
        return new MutableClock(at);
    }

    void advance(Duration by) {
        offset = offset.plus(by);
    }

    @Override
    public Instant instant() {
        return (stoppedAt != null ? stoppedAt : Instant.now()).plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}

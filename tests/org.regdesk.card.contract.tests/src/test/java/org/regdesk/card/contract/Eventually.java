package org.regdesk.card.contract;

import java.time.Duration;
import java.util.Optional;

/** Polls until a condition yields a value: pcscd and the registry notice changes asynchronously. */
final class Eventually {

    interface Probe<T> {
        Optional<T> get() throws Exception;
    }

    private Eventually() {
    }

    static <T> T within(Duration timeout, String what, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + " did not happen within " + timeout);
    }
}

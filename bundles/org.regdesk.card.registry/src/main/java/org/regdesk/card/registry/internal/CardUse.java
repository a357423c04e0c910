package org.regdesk.card.registry.internal;

import java.time.Duration;
import java.util.concurrent.Callable;

import org.regdesk.card.api.CardException;
import org.regdesk.card.api.CardException.Reason;

/**
 * Counts the card sessions in use so a driver change never cuts one: {@link #exclusively} first stops
 * new sessions, then waits for the open ones to end. Sessions may end on any thread, so this is a
 * counter under a monitor, not a read-write lock (which wants the locking thread to unlock).
 */
final class CardUse {

    private int open;
    private boolean held;

    /** A session starts; refused while a driver change holds the cards. */
    synchronized void begin() throws CardException {
        if (held) {
            throw busy();
        }
        open++;
    }

    /** Like {@link #begin} but answers instead of throwing, for the background card scan. */
    synchronized boolean tryBegin() {
        if (held) {
            return false;
        }
        open++;
        return true;
    }

    synchronized void end() {
        open--;
        notifyAll();
    }

    <T> T exclusively(Duration wait, Callable<T> work) throws Exception {
        synchronized (this) {
            if (held) {
                throw busy();
            }
            held = true;
            long deadline = System.nanoTime() + wait.toNanos();
            try {
                while (open > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new CardException(Reason.BUSY, open + " card operation(s) still in progress after "
                                + wait.toSeconds() + " s");
                    }
                    wait(Math.max(1, left / 1_000_000));
                }
            } catch (CardException | InterruptedException | RuntimeException e) {
                held = false;
                throw e;
            }
        }
        try {
            return work.call();
        } finally {
            synchronized (this) {
                held = false;
            }
        }
    }

    private static CardException busy() {
        return new CardException(Reason.BUSY, "Card drivers are being updated; try again in a moment");
    }
}

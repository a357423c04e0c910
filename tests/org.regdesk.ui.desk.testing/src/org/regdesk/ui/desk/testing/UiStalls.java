package org.regdesk.ui.desk.testing;

import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.swt.widgets.Display;

/**
 * Measures how long the UI thread could not run queued work while a flow ran: a watcher thread queues a
 * stamp every 5 ms and the UI thread reports how late it got to it. The longest delay is the longest
 * stall the operator could have felt (a frozen countdown, an unpainted window). Printed, never asserted:
 * a figure, not a timed test.
 */
public final class UiStalls implements AutoCloseable {

    private final Display display;
    private final String flow;
    private final AtomicLong longestNanos = new AtomicLong();
    /** Where the UI thread was during the longest stall seen over 50 ms, to find what to move off it. */
    private volatile StackTraceElement[] longestStallAt;
    private volatile long longestSampledNanos;
    private final Thread watcher;
    private volatile boolean running = true;

    private UiStalls(Display display, String flow) {
        this.display = display;
        this.flow = flow;
        watcher = new Thread(this::watch, "ui-stall-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Starts watching the UI thread of {@code display} for the flow named {@code flow}. */
    public static UiStalls watch(Display display, String flow) {
        return new UiStalls(display, flow);
    }

    private void watch() {
        AtomicLong answered = new AtomicLong(1);
        long asked = 0;
        long askedAt = 0;
        while (running && !display.isDisposed()) {
            if (answered.get() > asked) {
                long stamp = System.nanoTime();
                long ticket = ++asked;
                askedAt = stamp;
                display.asyncExec(() -> {
                    longestNanos.accumulateAndGet(System.nanoTime() - stamp, Math::max);
                    answered.set(ticket + 1);
                });
            } else {
                // still waiting: the stall so far counts too, should the flow end inside it
                long waited = System.nanoTime() - askedAt;
                longestNanos.accumulateAndGet(waited, Math::max);
                if (waited > 50_000_000L && waited > longestSampledNanos) {
                    longestSampledNanos = waited;
                    longestStallAt = display.getThread().getStackTrace();
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The longest stall seen so far, in milliseconds. */
    public long longestMillis() {
        return longestNanos.get() / 1_000_000;
    }

    @Override
    public void close() {
        running = false;
        watcher.interrupt();
        System.out.printf("[ui-stalls] %s: longest UI-thread stall %d ms (target <= 50 ms)%n", flow, longestMillis());
        StackTraceElement[] at = longestStallAt;
        if (at != null) {
            System.out.printf("[ui-stalls]   the UI thread %d ms into that stall:%n", longestSampledNanos / 1_000_000);
            java.util.Arrays.stream(at).limit(25).forEach(frame -> System.out.println("[ui-stalls]     at " + frame));
        }
    }
}

package org.regdesk.ui.desk.testing;

import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.swt.widgets.Display;

/**
 * Measures how long the UI thread could not run queued work while a flow ran: a watcher thread queues a
 * stamp every 5 ms and the UI thread reports how late it got to it. The longest delay is the longest
 * stall the operator could have felt (a frozen countdown, an unpainted window). A stall over 50 ms is
 * sampled once it is 50 ms old, to tell GTK's own work from application code that blocks. Printed, never
 * asserted: a figure, not a timed test.
 */
public final class UiStalls implements AutoCloseable {

    private final Display display;
    private final String flow;
    private final AtomicLong longestNanos = new AtomicLong();
    /**
     * Where the UI thread was during the longest stall seen over 50 ms outside SWT's event processing
     * (code that should move off the UI thread), and the longest inside it (GTK drawing and layout,
     * which software rendering under Xvfb makes slow).
     */
    private volatile StackTraceElement[] longestCodeStallAt;
    private volatile long longestCodeNanos;
    private volatile long longestGtkNanos;
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
                if (waited > 50_000_000L) {
                    StackTraceElement[] at = display.getThread().getStackTrace();
                    if (inEventProcessing(at)) {
                        longestGtkNanos = Math.max(longestGtkNanos, waited);
                    } else if (waited > longestCodeNanos) {
                        longestCodeNanos = waited;
                        longestCodeStallAt = at;
                    }
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * True when the UI thread is in SWT's own event processing (GTK drawing and layout, SWT's paint
     * callbacks): nothing above the innermost {@code readAndDispatch} is RegDesk, JFace or e4 code.
     */
    private static boolean inEventProcessing(StackTraceElement[] at) {
        for (StackTraceElement frame : at) {
            if (frame.getClassName().equals("org.eclipse.swt.widgets.Display") && frame.getMethodName().equals("readAndDispatch")) {
                return true;
            }
            if (!frame.getClassName().startsWith("org.eclipse.swt.")) {
                return false;
            }
        }
        return false;
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
        System.out.printf("[ui-stalls]   of stalls over 50 ms: longest inside SWT/GTK event processing (drawing, layout) %d ms, longest in "
                + "application code (RegDesk, JFace, e4) %d ms%n", longestGtkNanos / 1_000_000, longestCodeNanos / 1_000_000);
        StackTraceElement[] at = longestCodeStallAt;
        if (at != null) {
            System.out.printf("[ui-stalls]   the UI thread %d ms into the longest application-code stall:%n", longestCodeNanos / 1_000_000);
            java.util.Arrays.stream(at).limit(25).forEach(frame -> System.out.println("[ui-stalls]     at " + frame));
        }
    }
}

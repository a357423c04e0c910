package org.regdesk.ui.desk;

import java.lang.reflect.InvocationTargetException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.operation.IRunnableContext;

/**
 * The one way a desk screen calls the backend or a card: on a worker thread, with the task shown in the
 * screen's progress area (a wizard's, or a progress dialog) and Cancel that stops the waiting at once.
 * The UI thread keeps painting and counting down meanwhile. A cancelled call may still finish on the
 * worker; its result is dropped, which is safe because every call a screen cancels is one the backend
 * either refuses to repeat or treats as not made (the caller decides what may be cancelled).
 */
public final class OffTheUiThread {

    /** A call that may fail with {@code X} (a backend refusal, a card error). */
    @FunctionalInterface
    public interface Call<T, X extends Exception> {
        T call(IProgressMonitor monitor) throws X;
    }

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "regdesk-desk-call");
        thread.setDaemon(true);
        return thread;
    });

    private OffTheUiThread() {
    }

    /**
     * Runs {@code call} off the UI thread while {@code context} shows {@code task}; returns its result or
     * throws its failure as it was thrown.
     *
     * @param cancellable whether the operator may stop waiting (false for steps that must finish, e.g. a card write)
     * @throws InterruptedException the operator cancelled; nothing of the result is used
     */
    public static <T, X extends Exception> T run(IRunnableContext context, String task, boolean cancellable,
            Class<X> failure, Call<T, X> call) throws X, InterruptedException {
        Objects.requireNonNull(call, "call");
        Object[] result = new Object[1];
        try {
            context.run(true, cancellable, monitor -> {
                monitor.beginTask(task, IProgressMonitor.UNKNOWN);
                try {
                    result[0] = waitFor(CompletableFuture.supplyAsync(() -> {
                        try {
                            return call.call(monitor);
                        } catch (Exception e) {
                            throw new CallFailed(e);
                        }
                    }, WORKERS), monitor);
                } finally {
                    monitor.done();
                }
            });
        } catch (InvocationTargetException failed) {
            Throwable cause = failed.getCause();
            if (failure.isInstance(cause)) {
                throw failure.cast(cause);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
        @SuppressWarnings("unchecked")
        T answer = (T) result[0];
        return answer;
    }

    private static Object waitFor(CompletableFuture<?> pending, IProgressMonitor monitor)
            throws InvocationTargetException, InterruptedException {
        while (true) {
            if (monitor.isCanceled()) {
                pending.cancel(true);
                throw new InterruptedException("cancelled by the operator");
            }
            try {
                return pending.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // look at the Cancel button again
            } catch (ExecutionException failed) {
                Throwable cause = failed.getCause() instanceof CallFailed wrapped ? wrapped.getCause() : failed.getCause();
                throw new InvocationTargetException(cause);
            }
        }
    }

    /** Carries a checked failure out of the worker. */
    private static final class CallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CallFailed(Exception cause) {
            super(cause);
        }
    }
}

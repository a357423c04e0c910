package org.regdesk.backend.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** What the backend benchmarks share: timed phases of concurrent clients, and the figures they print. */
final class Benchmarks {

    private Benchmarks() {
    }

    /** One request: its latency in microseconds, or null when the prepared work is used up. */
    interface Request {
        Long call() throws Exception;
    }

    record Result(String name, long requests, long errors, double seconds, long[] latenciesMicros) {
        double perSecond() {
            return requests / seconds;
        }

        long percentile(double p) {
            if (latenciesMicros.length == 0) {
                return 0;
            }
            return latenciesMicros[Math.min(latenciesMicros.length - 1, (int) Math.ceil(p * latenciesMicros.length) - 1)];
        }
    }

    /** {@code clients} threads sending {@code request} back to back for {@code seconds}; the first error is printed. */
    static Result measure(String name, int seconds, int clients, Request request) throws Exception {
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        AtomicLong lastFinish = new AtomicLong(start);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    try {
                        Long micros = request.call();
                        if (micros == null) {
                            break; // the prepared pool is used up
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = micros;
                    } catch (Exception e) {
                        if (errors.incrementAndGet() == 1) {
                            System.out.println("first error in " + name + ": " + e.getMessage());
                        }
                    }
                }
                lastFinish.accumulateAndGet(System.nanoTime(), Math::max);
                latencies.add(Arrays.copyOf(mine, n));
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(name, all.length, errors.get(), (lastFinish.get() - start) / 1e9, all);
    }

    /** Operations per second of {@code work} on {@code threads} threads for {@code seconds}. */
    static double rate(Runnable work, int threads, int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    work.run();
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }
}

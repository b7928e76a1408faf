package dev.pitwall.server;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The title outlooks, which cost up to seconds of CPU each: computed on one thread beside the request threads, each
 * outlook once however many ask for it at the same time, and refused ({@link Busy}, a 503) when more distinct
 * outlooks wait than the queue holds, so that anonymous readers cannot pile work up.
 */
final class Scenarios {

    /** Distinct outlooks that may wait for the thread. */
    static final int QUEUE = 8;

    /** Too much is being computed already; the reader may try again in a few seconds. */
    static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }
    }

    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
            Thread.ofPlatform().daemon().name("pitwall-scenarios").factory());
    private final Map<String, CompletableFuture<String>> running = new ConcurrentHashMap<>();

    /** The outlook for a key, computed once: a request for one already being computed waits for that one. */
    String compute(String key, Supplier<String> outlook) {
        CompletableFuture<String> future = running.computeIfAbsent(key, k -> {
            try {
                return CompletableFuture.supplyAsync(outlook, pool).whenComplete((v, e) -> running.remove(k));
            } catch (RejectedExecutionException e) {
                return null;
            }
        });
        if (future == null) {
            throw new Busy("the server is computing " + QUEUE + " other title outlooks; try again in a few seconds");
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the outlook was computed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    void close() {
        pool.shutdownNow();
    }
}

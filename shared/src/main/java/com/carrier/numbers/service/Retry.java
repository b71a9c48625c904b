package com.carrier.numbers.service;

import com.carrier.numbers.port.ConditionFailed;
import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * Optimistic concurrency: read, decide, write conditioned on what was read; when the condition
 * fails, someone else changed it, so read and decide again (a short jittered pause spreads the racers).
 */
final class Retry {
    // Restore-safe (SnapStart): a ThreadLocalRandom captured in the snapshot would give every restored
    // environment the same sequence, so their concurrent retries would wait alike and collide again.
    private static final SecureRandom JITTER = new SecureRandom();

    /** How a retry waits; tests record the pauses instead of sleeping. */
    @FunctionalInterface
    interface Pause {
        void millis(long millis) throws InterruptedException;
    }

    private Retry() {
    }

    static <T> T onConflict(int attempts, Supplier<T> readDecideWrite) {
        return onConflict(attempts, readDecideWrite, Thread::sleep);
    }

    static <T> T onConflict(int attempts, Supplier<T> readDecideWrite, Pause pause) {
        ConditionFailed last = null;
        for (int i = 0; i < attempts; i++) {
            try {
                return readDecideWrite.get();
            } catch (ConditionFailed e) {
                last = e;
                pause(pause, i);
            }
        }
        throw last;
    }

    /** The pause after failed attempt {@code attempt} (0-based) is drawn from [0, this) milliseconds: 2, 6, 10 ... 22 at most. */
    static long jitterBound(int attempt) {
        return 2L + Math.min(attempt, 5) * 4L;
    }

    private static void pause(Pause pause, int attempt) {
        try {
            pause.millis(JITTER.nextLong(0, jitterBound(attempt)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

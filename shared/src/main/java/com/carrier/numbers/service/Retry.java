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
    private Retry() {
    }

    static <T> T onConflict(int attempts, Supplier<T> readDecideWrite) {
        ConditionFailed last = null;
        for (int i = 0; i < attempts; i++) {
            try {
                return readDecideWrite.get();
            } catch (ConditionFailed e) {
                last = e;
                pause(i);
            }
        }
        throw last;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(JITTER.nextLong(0, 2L + Math.min(attempt, 5) * 4L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

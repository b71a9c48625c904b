package com.carrier.numbers.port;

import java.time.Instant;
import java.util.Optional;

/** Claims on idempotency keys and the responses stored under them. */
public interface IdempotencyStore {
    /** What is stored under a key: in progress (statusCode null) or a finished response. */
    record Entry(String fingerprint, Integer statusCode, String body, Instant expiresAt) {
    }

    /** Claims {@code key} (absent or expired at {@code now}) until {@code expiresAt}; false if someone holds it. */
    boolean claim(String key, String fingerprint, Instant now, Instant expiresAt);

    Optional<Entry> find(String key);

    void complete(String key, int statusCode, String body);

    void release(String key);
}

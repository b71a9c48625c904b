package com.carrier.numbers.service;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Idempotency-Key handling, scoped to the account and kept 24 hours: the first request with a key
 * runs and its response is stored; a replay with the same fingerprint answers the stored response;
 * the same key with a different fingerprint is 409 IDEMPOTENCY_KEY_REUSED. 5xx outcomes are not
 * stored, so a retry runs again.
 */
public class IdempotencyKeys {

    /** A stored HTTP answer. */
    public record StoredResponse(int statusCode, String body) {
    }

    /**
     * Runs {@code action} once per (account, scope, key); {@code fingerprint} identifies the request
     * body (e.g. its SHA-256). With a null/blank key it just runs the action.
     */
    public StoredResponse run(String accountId, String scope, String key, String fingerprint, Supplier<StoredResponse> action) {
        throw new UnsupportedOperationException("TODO");
    }
}

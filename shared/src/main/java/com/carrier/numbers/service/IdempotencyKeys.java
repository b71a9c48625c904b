package com.carrier.numbers.service;

import com.carrier.numbers.domain.ErrorCode;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.port.IdempotencyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Idempotency-Key handling, scoped to the account and kept 24 hours: the first request with a key
 * runs and its response is stored; a replay with the same fingerprint answers the stored response;
 * the same key with a different fingerprint is 409 IDEMPOTENCY_KEY_REUSED. 5xx outcomes are not
 * stored, so a retry runs again.
 */
public class IdempotencyKeys {
    static final Duration KEPT = Duration.ofHours(24);

    private final IdempotencyStore store;
    private final Clock clock;

    public IdempotencyKeys(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A stored HTTP answer. */
    public record StoredResponse(int statusCode, String body) {
    }

    /**
     * Runs {@code action} once per (account, scope, key); {@code fingerprint} identifies the request
     * body (e.g. its SHA-256). With a null/blank key it just runs the action.
     */
    public StoredResponse run(String accountId, String scope, String key, String fingerprint, Supplier<StoredResponse> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        if (key.length() > 255) {
            throw PlatformException.validation("Idempotency-Key", "Idempotency-Key must be at most 255 characters");
        }
        String id = accountId + "#" + scope + "#" + key;
        String fp = fingerprint == null ? "" : fingerprint;
        for (int attempt = 0; attempt < 3; attempt++) {
            Instant now = clock.instant();
            if (store.claim(id, fp, now, now.plus(KEPT))) {
                return runClaimed(id, action);
            }
            Optional<IdempotencyStore.Entry> entry = store.find(id);
            if (entry.isEmpty()) {
                continue; // the holder failed and let go in between: claim again
            }
            if (!entry.get().fingerprint().equals(fp)) {
                throw new PlatformException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "this Idempotency-Key was used with a different request");
            }
            if (entry.get().statusCode() == null) {
                throw new PlatformException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "a request with this Idempotency-Key is still in progress");
            }
            return new StoredResponse(entry.get().statusCode(), entry.get().body());
        }
        throw new PlatformException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "a request with this Idempotency-Key is still in progress");
    }

    private StoredResponse runClaimed(String id, Supplier<StoredResponse> action) {
        StoredResponse response;
        try {
            response = action.get();
        } catch (RuntimeException | Error e) {
            store.release(id); // nothing to replay: a retry runs again
            throw e;
        }
        if (response.statusCode() >= 500) {
            store.release(id);
        } else {
            store.complete(id, response.statusCode(), response.body());
        }
        return response;
    }
}

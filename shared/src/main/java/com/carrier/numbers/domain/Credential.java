package com.carrier.numbers.domain;

import java.time.Instant;

/** An API credential. Its token is never stored: only the token's SHA-256, which is the lookup key. */
public record Credential(String authId, String accountId, Role role, String name, Instant createdAt, Instant revokedAt) {
    public boolean active() {
        return revokedAt == null;
    }
}

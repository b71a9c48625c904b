package com.carrier.numbers.port;

import com.carrier.numbers.domain.Credential;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Credentials by the SHA-256 of their token (the lookup key). */
public interface CredentialStore {
    /** Stores a credential under {@code tokenHash}; false if that hash is already stored. */
    boolean put(String tokenHash, Credential credential);

    Optional<Credential> findByTokenHash(String tokenHash);

    List<Credential> ofAccount(String accountId);

    /** Sets revoked_at on the account's credential {@code authId}; false if there is none. */
    boolean revoke(String accountId, String authId, Instant at);
}

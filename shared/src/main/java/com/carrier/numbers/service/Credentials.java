package com.carrier.numbers.service;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.Credential;
import com.carrier.numbers.domain.IssuedCredential;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.domain.Role;
import com.carrier.numbers.port.CredentialStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** API credentials: 256-bit random tokens, stored only as their SHA-256 (the lookup key). */
public class Credentials {
    private final CredentialStore store;
    private final Scope scope;
    private final Clock clock;

    public Credentials(CredentialStore store, Scope scope, Clock clock) {
        this.store = store;
        this.scope = scope;
        this.clock = clock;
    }

    /** A new credential for an account in the caller's scope; only an admin may create an admin credential. */
    public IssuedCredential create(Caller caller, String accountId, Role role, String name) {
        scope.require(caller, accountId);
        Role r = role == null ? Role.USER : role;
        if (r == Role.ADMIN && !caller.isAdmin()) {
            throw PlatformException.forbidden("only platform operators create admin credentials");
        }
        return issue(accountId, r, name);
    }

    /** A new credential with a fresh random token, without scope checks (the platform's own use, e.g. a new account). */
    IssuedCredential issue(String accountId, Role role, String name) {
        return register(accountId, role, name, Ids.token());
    }

    /**
     * Stores a credential for a given token: seeds demo tokens locally and bootstraps the first admin
     * on AWS. Registering a token that is already stored answers the stored credential.
     */
    public IssuedCredential register(String accountId, Role role, String name, String token) {
        if (token == null || token.length() < 8) {
            throw PlatformException.validation("token", "a token has at least 8 characters");
        }
        if (name != null && name.length() > 100) {
            throw PlatformException.validation("name", "name must be at most 100 characters");
        }
        String hash = sha256(token);
        Credential c = new Credential(Ids.next("auth_"), accountId, role, name, clock.instant().truncatedTo(ChronoUnit.SECONDS), null);
        if (store.put(hash, c)) {
            return new IssuedCredential(c, token);
        }
        return new IssuedCredential(store.findByTokenHash(hash).orElseThrow(), token);
    }

    /** The account's credentials, without secrets. */
    public List<Credential> list(Caller caller, String accountId) {
        scope.require(caller, accountId);
        return store.ofAccount(accountId);
    }

    public void revoke(Caller caller, String accountId, String authId) {
        scope.require(caller, accountId);
        if (authId == null || !store.revoke(accountId, authId, clock.instant())) {
            throw PlatformException.notFound("credential " + authId);
        }
    }

    /** The caller a token stands for, if it is known and not revoked. */
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 512) {
            return Optional.empty();
        }
        return store.findByTokenHash(sha256(token)).filter(Credential::active)
                .map(c -> new Caller(c.accountId(), c.authId(), c.role()));
    }

    /** Lower-case hex SHA-256: a token has 256 random bits, so a fast hash is safe as the lookup key. */
    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.carrier.numbers.service;

import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.Credential;
import com.carrier.numbers.domain.IssuedCredential;
import com.carrier.numbers.domain.Role;
import java.util.List;
import java.util.Optional;

/** API credentials: 256-bit random tokens, stored only as their SHA-256 (the lookup key). */
public class Credentials {

    /** A new credential for an account in the caller's scope; only an admin may create an admin credential. */
    public IssuedCredential create(Caller caller, String accountId, Role role, String name) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The account's credentials, without secrets. */
    public List<Credential> list(Caller caller, String accountId) {
        throw new UnsupportedOperationException("TODO");
    }

    public void revoke(Caller caller, String accountId, String authId) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The caller a token stands for, if it is known and not revoked. */
    public Optional<Caller> authenticate(String token) {
        throw new UnsupportedOperationException("TODO");
    }
}

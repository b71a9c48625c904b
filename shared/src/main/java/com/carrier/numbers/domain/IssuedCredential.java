package com.carrier.numbers.domain;

/** A credential just created, with its token: the only time the token is shown. */
public record IssuedCredential(Credential credential, String token) {
}

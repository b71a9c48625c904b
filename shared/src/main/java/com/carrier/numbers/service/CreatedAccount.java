package com.carrier.numbers.service;

import com.carrier.numbers.domain.Account;
import com.carrier.numbers.domain.IssuedCredential;

/** A new account and its first credential (the token is shown once). */
public record CreatedAccount(Account account, IssuedCredential credential) {
}

package com.carrier.numbers.service;

import com.carrier.numbers.domain.Account;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.port.AccountStore;
import java.util.Objects;
import java.util.Optional;

/** Tenancy: a credential acts on its own account and its descendants; an admin on every account. */
public final class Scope {
    private static final int MAX_DEPTH = 8;
    private final AccountStore accounts;

    public Scope(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** The account, if {@code caller} may act on it; 403 FORBIDDEN otherwise (admin: 404 if it does not exist). */
    public Account require(Caller caller, String accountId) {
        Optional<Account> account = accountId == null ? Optional.empty() : accounts.find(accountId);
        if (caller.isAdmin()) {
            return account.orElseThrow(() -> PlatformException.notFound("account " + accountId));
        }
        if (account.isPresent() && covers(caller, account.get())) {
            return account.get();
        }
        throw PlatformException.forbidden("account " + accountId + " is outside your scope");
    }

    /** Whether {@code caller} may act on {@code accountId} (false for unknown accounts). */
    public boolean allows(Caller caller, String accountId) {
        if (accountId == null) {
            return false;
        }
        if (caller.isAdmin()) {
            return true;
        }
        if (accountId.equals(caller.accountId())) {
            return true;
        }
        return accounts.find(accountId).map(a -> covers(caller, a)).orElse(false);
    }

    private boolean covers(Caller caller, Account account) {
        Account current = account;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (Objects.equals(current.id(), caller.accountId())) {
                return true;
            }
            current = current.parentId() == null ? null : accounts.find(current.parentId()).orElse(null);
        }
        return false;
    }
}

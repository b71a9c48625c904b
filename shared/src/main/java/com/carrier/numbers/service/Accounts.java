package com.carrier.numbers.service;

import com.carrier.numbers.domain.Account;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.Money;
import java.util.List;

/** Accounts, their scope (own account and descendants; admin: all), balances and ledgers. */
public class Accounts {

    /**
     * PUT /v2/accounts/{id}: MA_ ids create a master (admin only, else 403); SA_ ids a sub-account of
     * {@code parentId} (default: the caller's account), which must be a master within the caller's
     * scope (else 403); other ids are 400. Balance 0, no region restriction unless given.
     */
    public CreatedAccount create(Caller caller, String id, String name, String parentId, List<String> allowedRegions) {
        throw new UnsupportedOperationException("TODO");
    }

    public Account get(Caller caller, String id) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Admin top-up (positive, two decimals at most); writes a ledger entry and retries the account's suspended renewals. */
    public Account credit(Caller caller, String id, Money amount) {
        throw new UnsupportedOperationException("TODO");
    }

    public LedgerPage ledger(Caller caller, String id, int limit, String startKey) {
        throw new UnsupportedOperationException("TODO");
    }

    /** 403 FORBIDDEN unless {@code accountId} is the caller's account or a descendant (admin: any existing account). */
    public Account requireInScope(Caller caller, String accountId) {
        throw new UnsupportedOperationException("TODO");
    }
}

package com.carrier.numbers.service;

import com.carrier.numbers.domain.Account;
import com.carrier.numbers.domain.AccountType;
import com.carrier.numbers.domain.Caller;
import com.carrier.numbers.domain.IssuedCredential;
import com.carrier.numbers.domain.LedgerEntry;
import com.carrier.numbers.domain.Money;
import com.carrier.numbers.domain.PlatformException;
import com.carrier.numbers.domain.Role;
import com.carrier.numbers.port.AccountStore;
import com.carrier.numbers.port.ConditionFailed;
import com.carrier.numbers.port.LedgerStore;
import com.carrier.numbers.port.StoreUnavailable;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Accounts, their scope (own account and descendants; admin: all), balances and ledgers. */
public class Accounts {
    private static final Pattern REGION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

    private final AccountStore store;
    private final LedgerStore ledger;
    private final Scope scope;
    private final Credentials credentials;
    private final Renewals renewals;
    private final Clock clock;

    public Accounts(AccountStore store, LedgerStore ledger, Scope scope, Credentials credentials, Renewals renewals, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.scope = scope;
        this.credentials = credentials;
        this.renewals = renewals;
        this.clock = clock;
    }

    /**
     * PUT /v2/accounts/{id}: MA_ ids create a master (admin only, else 403); SA_ ids a sub-account of
     * {@code parentId} (default: the caller's account), which must be a master within the caller's
     * scope (else 403); other ids are 400. Balance 0, no region restriction unless given.
     */
    public CreatedAccount create(Caller caller, String id, String name, String parentId, List<String> allowedRegions) {
        if (id == null || !Account.ID.matcher(id).matches()) {
            throw PlatformException.validation("id", "an account id is MA_ or SA_ followed by 1-40 letters or digits");
        }
        if (name != null && name.length() > 100) {
            throw PlatformException.validation("name", "name must be at most 100 characters");
        }
        List<String> regions = allowedRegions == null ? List.of() : allowedRegions.stream()
                .map(r -> r == null ? "" : r.trim().toUpperCase(Locale.ROOT)).toList();
        for (String r : regions) {
            if (!REGION.matcher(r).matches()) {
                throw PlatformException.validation("allowed_regions", "allowed_regions are countries (US) or states (US-CA)");
            }
        }
        AccountType type;
        String parent;
        if (id.startsWith("MA_")) {
            if (!caller.isAdmin()) {
                throw PlatformException.forbidden("only platform operators create master accounts");
            }
            if (parentId != null) {
                throw PlatformException.validation("parent_id", "a master account has no parent");
            }
            type = AccountType.MASTER;
            parent = null;
        } else {
            parent = parentId == null ? caller.accountId() : parentId;
            Account master = scope.require(caller, parent);
            if (master.type() != AccountType.MASTER) {
                throw PlatformException.forbidden("a sub-account cannot have sub-accounts");
            }
            type = AccountType.SUB;
        }
        Account account = new Account(id, name == null || name.isBlank() ? id : name, type, parent, Money.ZERO, regions,
                clock.instant().truncatedTo(ChronoUnit.SECONDS));
        if (!store.create(account)) {
            throw PlatformException.validation("id", "account " + id + " already exists");
        }
        IssuedCredential first = credentials.issue(id, Role.USER, "first credential");
        return new CreatedAccount(account, first);
    }

    public Account get(Caller caller, String id) {
        return scope.require(caller, id);
    }

    /** Admin top-up (positive, two decimals at most); writes a ledger entry and retries the account's suspended renewals. */
    public Account credit(Caller caller, String id, Money amount) {
        if (!caller.isAdmin()) {
            throw PlatformException.forbidden("only platform operators add credit");
        }
        if (amount == null || !amount.isPositive()) {
            throw PlatformException.validation("amount", "amount must be a positive number with at most two decimals");
        }
        scope.require(caller, id);
        LedgerEntry entry = new LedgerEntry(id, Ids.next("led_"), clock.instant(), "credit", amount, null, null, "credit by " + caller.authId());
        try {
            store.credit(id, amount, entry);
        } catch (ConditionFailed e) {
            throw PlatformException.notFound("account " + id);
        } catch (StoreUnavailable e) {
            throw new IllegalStateException("credit could not be stored", e);
        }
        renewals.retrySuspended(id);
        return store.find(id).orElseThrow();
    }

    public LedgerPage ledger(Caller caller, String id, int limit, String startKey) {
        if (limit < 1 || limit > 100) {
            throw PlatformException.validation("limit", "limit must be an integer from 1 to 100");
        }
        scope.require(caller, id);
        LedgerStore.Page page = ledger.newestFirst(id, limit, startKey);
        return new LedgerPage(page.entries(), page.nextStartKey());
    }

    /** 403 FORBIDDEN unless {@code accountId} is the caller's account or a descendant (admin: any existing account). */
    public Account requireInScope(Caller caller, String accountId) {
        return scope.require(caller, accountId);
    }
}

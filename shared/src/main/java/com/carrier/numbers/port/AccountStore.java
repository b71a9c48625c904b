package com.carrier.numbers.port;

import com.carrier.numbers.domain.Account;
import com.carrier.numbers.domain.LedgerEntry;
import com.carrier.numbers.domain.Money;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts, their balances and per-account number counters. */
public interface AccountStore {
    Optional<Account> find(String accountId);

    /** Creates the account; false if the id is taken. */
    boolean create(Account account);

    /** Ids of the account's direct sub-accounts. */
    List<String> children(String accountId);

    /** Adds {@code amount} to the balance and writes {@code entry}, atomically. */
    void credit(String accountId, Money amount, LedgerEntry entry);

    /** The account's number counters (counter name -> count); see the service's Counters. */
    Map<String, Long> counters(String accountId);
}

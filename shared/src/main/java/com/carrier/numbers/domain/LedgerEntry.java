package com.carrier.numbers.domain;

import java.time.Instant;

/**
 * One movement of an account's balance. {@code amount} is positive for credits and negative for
 * charges, so the ledger sums to the balance.
 *
 * @param kind "credit", "setup_fee_and_first_month", "monthly_renewal", ...
 */
public record LedgerEntry(
        String accountId,
        String entryId,
        Instant at,
        String kind,
        Money amount,
        Money balanceAfter,
        String number,
        String description) {
}

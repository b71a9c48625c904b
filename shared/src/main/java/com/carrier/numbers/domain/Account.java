package com.carrier.numbers.domain;

import java.time.Instant;
import java.util.List;

/**
 * A customer account with its own prepaid balance.
 *
 * @param allowedRegions where it may buy numbers: ISO countries ("US") or subdivisions ("US-CA");
 *                       empty means anywhere
 */
public record Account(
        String id,
        String name,
        AccountType type,
        String parentId,
        Money balance,
        List<String> allowedRegions,
        Instant createdAt) {

    public static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("(MA|SA)_[A-Za-z0-9]{1,40}");

    public String currency() {
        return Money.CURRENCY;
    }

    /** Whether this account may buy a number of {@code country} / {@code region} (e.g. "US", "CA"). */
    public boolean mayBuyIn(String country, String region) {
        return allowedRegions == null || allowedRegions.isEmpty()
                || allowedRegions.contains(country)
                || (region != null && allowedRegions.contains(country + "-" + region));
    }
}

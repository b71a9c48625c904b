package com.carrier.numbers.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount of USD in cents: integers in storage, a two-decimal JSON number on the wire. */
public record Money(long cents) implements Comparable<Money> {
    public static final Money ZERO = new Money(0);
    public static final String CURRENCY = "USD";

    public static Money ofCents(long cents) {
        return new Money(cents);
    }

    /** Parses a decimal with at most two places ("25", "0.99"); more places is a validation error. */
    public static Money of(BigDecimal amount, String field) {
        if (amount == null) {
            throw PlatformException.validation(field, field + " is required");
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > 2) {
            throw PlatformException.validation(field, field + " must have at most two decimals");
        }
        try {
            return new Money(amount.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
        } catch (ArithmeticException e) {
            throw PlatformException.validation(field, field + " is out of range");
        }
    }

    public static Money of(String decimal) {
        return of(new BigDecimal(decimal), "amount");
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(cents, 2);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(cents, other.cents));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(cents, other.cents));
    }

    public boolean isPositive() {
        return cents > 0;
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(cents, o.cents);
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + CURRENCY;
    }
}
